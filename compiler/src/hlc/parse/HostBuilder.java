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
        List<Host.Osd> osds = new ArrayList<>();
        List<Host.Interface> interfaces = new ArrayList<>();
        List<Host.Label> labels = new ArrayList<>();
        List<Host.Taint> taints = new ArrayList<>();
        List<Located<String>> extensions = new ArrayList<>();
        List<Located<String>> usb = new ArrayList<>();
        List<Host.Volume> volumes = new ArrayList<>();
        List<Host.Volume> userVolumes = new ArrayList<>();
        List<TalosPatch> patches = new ArrayList<>();
        for (HostAttrContext a : ctx.hostAttr()) {
            Span at = lit.span(a);
            if (a instanceof HostModelContext c) model.set(reporter, at, lit.string(c.STRING()));
            else if (a instanceof HostCpuContext c) cpu.set(reporter, at, lit.string(c.STRING()));
            else if (a instanceof HostMemoryContext c) memory.set(reporter, at, lit.size(c.SIZE()));
            else if (a instanceof HostRoleContext c) {
                Name r = lit.choice(c.name(), ROLES, "role");
                role.set(reporter, at, r == null ? null
                        : new Located<>(r.text().equals("worker") ? Role.WORKER : Role.CONTROLPLANE, r.span()));
            } else if (a instanceof HostInstallDiskContext c) disk.set(reporter, at, lit.absolutePath(c.STRING(), "install disk", "/dev/", "/dev/nvme0n1"));
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
            } else if (a instanceof HostUserVolumeContext c) {
                Name v = lit.name(c.name());
                if (v != null) userVolumes.add(volume(v, c.volumeAttr(), name));
            } else if (a instanceof HostPatchContext c) addIfPresent(patches, new PatchReader(reporter, lit).read(c.patchBody(), null, at));
        }
        require(role, name, "host", "role", "role controlplane");
        return name == null ? null : new Host(name, model.get(), cpu.get(), memory.get(), role.get(), disk.get(), gpu.get(), osds,
                    interfaces, desc.get(), labels, taints, extensions, usb, volumes, userVolumes, patches);
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
