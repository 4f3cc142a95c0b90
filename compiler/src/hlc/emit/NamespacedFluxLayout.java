package hlc.emit;

import hlc.check.SpecIndex;

import java.util.List;

final class NamespacedFluxLayout implements FluxLayout {
    @Override
    public List<FileSpec> files(SpecIndex ix) {
        return List.of();
    }
}
