package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.model.StorageClass;
import hlc.resolve.ResolvedSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * HL050: exactly one storage class is the default. With none, a claim without a class stays Pending forever;
 * with two, Kubernetes picks the newest, which changes under your feet.
 */
public final class DefaultStorageClassCheck implements Check {
    @Override
    public List<Code> codes() {
        return List.of(Code.HL050);
    }

    @Override
    public void run(ResolvedSpec ix, Reporter reporter) {
        List<StorageClass> classes = ix.spec().storageClasses();
        if (classes.isEmpty()) return;
        List<StorageClass> defaults = new ArrayList<>(); // a loop, not a stream: see KubernetesNameCheck
        for (StorageClass c : classes) if (c.isDefault()) defaults.add(c);
        if (defaults.isEmpty()) {
            reporter.error(Code.HL050, classes.get(0).name().span(), "no storage class is the default")
                    .hint("add `default` to the class claims should get when they name none (e.g. `"
                            + classes.get(0).name() + "`)").emit();
        }
        for (int i = 1; i < defaults.size(); i++) {
            reporter.error(Code.HL050, defaults.get(i).defaultFlag(), "storage class `" + defaults.get(i).name()
                            + "` is a second default")
                    .label(defaults.get(0).defaultFlag(), "`" + defaults.get(0).name() + "` is already the default")
                    .hint("keep `default` on one class only").emit();
        }
    }
}
