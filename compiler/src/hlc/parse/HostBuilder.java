package hlc.parse;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.Span;
import hlc.model.*;
import hlc.parse.gen.HomeLabParser.*;

import java.util.ArrayList;
import java.util.List;

import static hlc.parse.Choices.*;

/** Builds a `host` block: hardware, role, disks and volumes; its interfaces are read by {@link InterfaceBuilder}, labels and taints split by {@link LabelSplitter}. */
final class HostBuilder extends BlockBuilder {
    private final InterfaceBuilder interfaceBuilder;

    HostBuilder(Reporter reporter, Literals lit) {
        super(reporter, lit);
        this.interfaceBuilder = new InterfaceBuilder(reporter, lit);
    }

    /** The block's value, or null when its name is missing (the parser has reported that). */
    Host build(HostDeclContext ctx) {
        Name name = lit.name(ctx.name());
        String t = title("host", name);
        Slot<Located<String>> model = new Slot<>("model", t);
        Slot<Located<String>> cpu = new Slot<>("cpu", t);
        Slot<Size> memory = new Slot<>("memory", t);
        Slot<Located<Role>> role = new Slot<>("role", t);
        Slot<Located<String>> disk = new Slot<>("install-disk", t);
        Slot<Host.Gpu> gpu = new Slot<>("gpu", t);
        Slot<String> desc = new Slot<>("description", t);
        Slot<Name> cluster = new Slot<>("cluster", t);
        List<Host.Osd> osds = new ArrayList<>();
        List<Host.Interface> interfaces = new ArrayList<>();
        List<Host.Label> labels = new ArrayList<>();
        List<Host.Taint> taints = new ArrayList<>();
        List<Located<String>> extensions = new ArrayList<>();
        List<Located<String>> usb = new ArrayList<>();
        List<Host.Volume> volumes = new ArrayList<>();
        List<Host.Volume> userVolumes = new ArrayList<>();
        Slot<Host.DiskSelector> diskSelector = new Slot<>("install-disk", t);
        List<Located<String>> kernelArgs = new ArrayList<>();
        List<Name> kernelModules = new ArrayList<>();
        List<Sysctl> sysctls = new ArrayList<>();
        Slot<Name> arch = new Slot<>("arch", t);
        Slot<Host.Overlay> overlay = new Slot<>("overlay", t);
        Slot<Located<Boolean>> secureBoot = new Slot<>("secure-boot", t);
        List<TalosPatch> patches = new ArrayList<>();
        List<DiskEncryption> encryptions = new ArrayList<>();
        for (HostAttrContext a : ctx.hostAttr()) {
            Span at = lit.span(a);
            if (a instanceof HostModelContext c) model.set(reporter, at, lit.string(c.STRING()));
            else if (a instanceof HostCpuContext c) cpu.set(reporter, at, lit.string(c.STRING()));
            else if (a instanceof HostMemoryContext c) memory.set(reporter, at, lit.size(c.SIZE()));
            else if (a instanceof HostRoleContext c) {
                Name r = lit.choice(c.name(), ROLES, "role");
                role.set(reporter, at, r == null ? null
                        : new Located<>(r.text().equals("worker") ? Role.WORKER : Role.CONTROLPLANE, r.span()));
            } else if (a instanceof HostInstallDiskContext c) {
                if (diskSelector.given()) diskSelector.set(reporter, at, null); // a path and a selector: HL006
                else disk.set(reporter, at, lit.absolutePath(c.STRING(), "install disk", "/dev/", "/dev/nvme0n1"));
            } else if (a instanceof HostInstallDiskSelectorContext c) {
                if (disk.given()) disk.set(reporter, at, null);
                else diskSelector.set(reporter, at, diskSelector(c, at, t));
            } else if (a instanceof HostKernelArgContext c) addIfPresent(kernelArgs, lit.nonEmpty(c.STRING(), "kernel argument"));
            else if (a instanceof HostKernelModuleContext c) addIfPresent(kernelModules, lit.name(c.name()));
            else if (a instanceof HostSysctlContext c) addSysctl(sysctls, sysctl(c.sysctlKey(), c.sysctlValue()), t);
            else if (a instanceof HostArchContext c) arch.set(reporter, at, lit.choice(c.name(), ARCHES, "CPU architecture"));
            else if (a instanceof HostSecureBootContext) secureBoot.set(reporter, at, new Located<>(true, at));
            else if (a instanceof HostOverlayContext c && c.STRING().size() == 2) {
                Located<String> image = lit.nonEmpty(c.STRING(0), "overlay image");
                Located<String> overlayName = lit.nonEmpty(c.STRING(1), "overlay name");
                if (image != null && !image.value().isBlank() && !OVERLAY_IMAGE.matcher(image.value()).matches()) {
                    reporter.error(Code.HL004, image.span(), "overlay image `" + image.value() + "` is not an Image Factory overlay")
                            .hint("official overlays are `siderolabs/sbc-…`, e.g. `overlay \"siderolabs/sbc-raspberrypi\" \"rpi_generic\"`").emit();
                    image = null;
                }
                if (overlayName != null && !overlayName.value().isBlank() && !OVERLAY_NAME.matcher(overlayName.value()).matches()) {
                    reporter.error(Code.HL004, overlayName.span(), "overlay name `" + overlayName.value() + "` is not an overlay's name")
                            .hint("the board's name in the overlay, e.g. `rpi_generic` or `turingrk1`").emit();
                    overlayName = null;
                }
                overlay.set(reporter, at, image == null || overlayName == null ? null : new Host.Overlay(image, overlayName, at));
            }
            else if (a instanceof HostGpuContext c) {
                Name driver = lit.choice(c.name(), GPU_DRIVERS, "GPU driver");
                gpu.set(reporter, at, driver == null ? null : new Host.Gpu(driver, lit.string(c.STRING())));
            } else if (a instanceof HostOsdContext c) {
                Located<String> sel = lit.absolutePath(c.STRING(), "OSD device selector", "/dev/", "/dev/disk/by-id/ata-SAMSUNG*");
                if (sel != null) osds.add(new Host.Osd(sel, lit.size(c.SIZE())));
            } else if (a instanceof HostInterfaceContext c) {
                Host.Interface i = interfaceBuilder.build(c, name);
                if (i != null) interfaces.add(i);
            } else if (a instanceof HostDescriptionContext c) desc.set(reporter, at, text(lit.string(c.STRING())));
            else if (a instanceof HostLabelContext c) addIfPresent(labels, LabelSplitter.label(lit.string(c.STRING())));
            else if (a instanceof HostTaintContext c) addIfPresent(taints, LabelSplitter.taint(lit.string(c.STRING())));
            else if (a instanceof HostExtensionContext c) addIfPresent(extensions, lit.nonEmpty(c.STRING(), "system extension"));
            else if (a instanceof HostUsbContext c) addIfPresent(usb, lit.nonEmpty(c.STRING(), "USB device"));
            else if (a instanceof HostVolumeContext c) {
                Name v = lit.choice(c.name(), SYSTEM_VOLUMES, "Talos system volume");
                if (v != null) volumes.add(volume(v, c.volumeAttr(), name));
            } else if (a instanceof HostClusterContext c) cluster.set(reporter, at, lit.name(c.name()));
            else if (a instanceof HostUserVolumeContext c) {
                Name v = lit.name(c.name());
                if (v != null) userVolumes.add(volume(v, c.volumeAttr(), name));
            } else if (a instanceof HostPatchContext c) addIfPresent(patches, new PatchReader(reporter, lit).read(c.patchBody(), null, at));
            else if (a instanceof HostEncryptContext c) {
                addIfPresent(encryptions, new EncryptionReader(reporter, lit).read(null, c.name(), c.encryptionKey(), at, encryptions));
            }
        }
        require(ctx, role, name, "host", "role", "role controlplane");
        if (overlay.get() != null && (arch.get() == null || !arch.get().text().equals("arm64"))) {
            reporter.error(Code.HL007, overlay.get().at(), "the overlay of " + t + " is a single-board computer's, and the host has no `arch arm64`")
                    .hint("add `arch arm64`: the Image Factory's SBC overlays are for arm64 boards").emit();
        }
        return name == null ? null : new Host(name, model.get(), cpu.get(), memory.get(), role.get(), disk.get(), gpu.get(), osds,
                    interfaces, desc.get(), labels, taints, extensions, usb, volumes, userVolumes, diskSelector.get(),
                    kernelArgs, kernelModules, sysctls, arch.get(), overlay.get(), secureBoot.get(),
                    cluster.get(), patches, encryptions);
    }

    /**
     * {@code install-disk { ... }}: Talos installs to the disk that matches every property given. Talos compares
     * a disk's size once, so {@code size}, {@code min-size} and {@code max-size} are one slot; an empty
     * selector matches every disk, which is no choice at all (HL007).
     */
    private Host.DiskSelector diskSelector(HostInstallDiskSelectorContext ctx, Span at, String host) {
        String t = "the install disk selector of " + host;
        Slot<Size> size = new Slot<>("size", t);
        String[] comparison = {null}; // "=", ">=" or "<=": the one size comparison given first
        Slot<Located<String>> model = new Slot<>("model", t);
        Slot<Located<String>> serial = new Slot<>("serial", t);
        Slot<Name> type = new Slot<>("type", t);
        Slot<Located<String>> wwid = new Slot<>("wwid", t);
        Slot<Located<String>> busPath = new Slot<>("bus-path", t);
        for (DiskSelectorAttrContext a : ctx.diskSelectorAttr()) {
            Span s = lit.span(a);
            if (a instanceof DiskSizeContext c) sizeComparison(size, comparison, "=", s, lit.size(c.SIZE()));
            else if (a instanceof DiskMinSizeContext c) sizeComparison(size, comparison, ">=", s, lit.size(c.SIZE()));
            else if (a instanceof DiskMaxSizeContext c) sizeComparison(size, comparison, "<=", s, lit.size(c.SIZE()));
            else if (a instanceof DiskModelContext c) model.set(reporter, s, lit.nonEmpty(c.STRING(), "disk model"));
            else if (a instanceof DiskSerialContext c) serial.set(reporter, s, lit.nonEmpty(c.STRING(), "disk serial"));
            else if (a instanceof DiskTypeContext c) type.set(reporter, s, lit.choice(c.name(), DISK_TYPES, "disk type"));
            else if (a instanceof DiskWwidContext c) wwid.set(reporter, s, lit.nonEmpty(c.STRING(), "disk WWID"));
            else if (a instanceof DiskBusPathContext c) busPath.set(reporter, s, lit.absolutePath(c.STRING(), "disk bus path", "/", "/pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0"));
        }
        String cmp = comparison[0] == null ? "" : comparison[0];
        Host.DiskSelector d = new Host.DiskSelector(at, cmp.equals("=") ? size.get() : null,
                cmp.equals(">=") ? size.get() : null, cmp.equals("<=") ? size.get() : null, model.get(), serial.get(), type.get(), wwid.get(), busPath.get());
        if (ctx.diskSelectorAttr().isEmpty()) {
            reporter.error(Code.HL007, at, "the install disk selector of " + host + " says nothing about the disk")
                    .hint("give what the disk is, e.g. `install-disk { type nvme }` or `install-disk { model \"Samsung SSD 980*\" }`").emit();
        }
        return d;
    }

    /** An official overlay as the Image Factory names it: {@code siderolabs/sbc-raspberrypi}. */
    private static final java.util.regex.Pattern OVERLAY_NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final java.util.regex.Pattern OVERLAY_IMAGE = java.util.regex.Pattern.compile("siderolabs/[a-z0-9-]+");

    private void sizeComparison(Slot<Size> slot, String[] comparison, String kind, Span at, Size value) {
        if (!slot.given()) comparison[0] = kind;
        slot.set(reporter, at, value);
    }

    private Host.Volume volume(Name name, List<VolumeAttrContext> attrs, Name host) {
        String t = "volume `" + name.text() + "` of " + title("host", host);
        Slot<Size> min = new Slot<>("min-size", t);
        Slot<Size> max = new Slot<>("max-size", t);
        Slot<Located<String>> disk = new Slot<>("disk", t);
        Slot<Size> diskSize = new Slot<>("disk size", t);
        Slot<Located<Boolean>> grow = new Slot<>("grow", t);
        for (VolumeAttrContext a : attrs) {
            Span at = lit.span(a);
            if (a instanceof VolumeMinSizeContext c) min.set(reporter, at, lit.size(c.SIZE()));
            else if (a instanceof VolumeMaxSizeContext c) max.set(reporter, at, lit.size(c.SIZE()));
            else if (a instanceof VolumeDiskContext c) {
                disk.set(reporter, at, lit.nonEmpty(c.STRING(), "disk selector"));
                if (c.SIZE() != null) diskSize.set(reporter, at, lit.size(c.SIZE()));
            } else if (a instanceof VolumeGrowContext c) grow.set(reporter, at, lit.bool(c.bool()));
        }
        return new Host.Volume(name, min.get(), max.get(), disk.get(), diskSize.get(), grow.get());
    }
}
