package hlc.parse;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.Span;
import hlc.model.*;
import hlc.parse.gen.HomeLabParser.*;

import java.util.ArrayList;
import java.util.List;

import static hlc.parse.Choices.*;

/** Builds a `device` block: a non-Kubernetes machine with addresses, DNS names and NFS exports. */
final class DeviceBuilder extends BlockBuilder {
    DeviceBuilder(Reporter reporter, Literals lit) {
        super(reporter, lit);
    }

    /** The block's value, or null when its name is missing (the parser has reported that). */
    Device build(DeviceDeclContext ctx) {
        Name name = lit.name(ctx.name());
        String t = title("device", name);
        Slot<Name> kind = new Slot<>("kind", t);
        Slot<Located<String>> model = new Slot<>("model", t);
        Slot<List<Name>> serves = new Slot<>("serves", t);
        Slot<Located<String>> controller = new Slot<>("controller", t);
        Slot<String> desc = new Slot<>("description", t);
        List<Device.Address> addresses = new ArrayList<>();
        List<Name> dnsNames = new ArrayList<>();
        List<Device.Export> exports = new ArrayList<>();
        for (DeviceAttrContext a : ctx.deviceAttr()) {
            Span at = lit.span(a);
            if (a instanceof DeviceKindContext c) kind.set(reporter, at, lit.choice(c.name(), DEVICE_KINDS, "device kind"));
            else if (a instanceof DeviceModelContext c) model.set(reporter, at, lit.string(c.STRING()));
            else if (a instanceof DeviceAddressContext c) {
                Ip ip = lit.ip(c.address());
                Name net = lit.name(c.name());
                if (ip != null && net != null) addresses.add(new Device.Address(ip, net));
            } else if (a instanceof DeviceDnsNameContext c) {
                Name n = lit.name(c.dnsName());
                if (n != null) dnsNames.add(n);
            } else if (a instanceof DeviceServesContext c) serves.set(reporter, at, names(c.nameList()));
            else if (a instanceof DeviceControllerContext c) controller.set(reporter, at, lit.string(c.STRING()));
            else if (a instanceof DeviceExportContext c) {
                Name ex = lit.name(c.name());
                Located<String> path = lit.absolutePath(c.STRING(), "NFS export path", "/", "/volume1/media");
                if (ex != null && path != null) exports.add(new Device.Export(ex, path));
            } else if (a instanceof DeviceDescriptionContext c) desc.set(reporter, at, text(lit.string(c.STRING())));
        }
        require(ctx, kind, name, "device", "kind", "kind nas");
        return name == null ? null : new Device(name, kind.get(), model.get(), addresses, dnsNames,
                    serves.get() == null ? List.of() : serves.get(), controller.get(), exports, desc.get());
    }
}
