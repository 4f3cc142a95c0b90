package hlc.lsp;

import hlc.diag.SourceFile;
import hlc.diag.Span;
import hlc.model.TalosPatch;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Moves the model of a block an edit did not touch into the edited file's new text: every {@link Span} (and a
 * finding's, since findings are records of spans too) is re-pointed at the new {@link SourceFile}, and the lines
 * after the edit move by the lines it added or removed. The model is records, lists and plain values, so one
 * walk over record components does it for every kind of block without a list of them to keep up to date; a
 * record whose parts did not change is kept as it is.
 */
final class Relocation {
    private final SourceFile from;
    private final SourceFile to;
    /** Lines up to this one (1-based, in the old text) stay; the ones after it move by {@code delta}. */
    private final int lastUnmoved;
    private final int delta;

    Relocation(SourceFile from, SourceFile to, int lastUnmoved, int delta) {
        this.from = from;
        this.to = to;
        this.lastUnmoved = lastUnmoved;
        this.delta = delta;
    }

    int line(int line) {
        return line > lastUnmoved ? line + delta : line;
    }

    @SuppressWarnings("unchecked")
    <T> T move(T value) {
        return (T) walk(value);
    }

    private Object walk(Object o) {
        if (o == null || o instanceof String || o instanceof Number || o instanceof Boolean || o instanceof Enum<?>) return o;
        if (o instanceof Span s) {
            return s.file() == from ? new Span(to, line(s.line()), s.column(), s.length()) : s;
        }
        if (o instanceof SourceFile f) return f == from ? to : f;
        if (o instanceof TalosPatch p && p.source() == from) {
            return new TalosPatch(move(p.role()), p.yaml(), to, line(p.lineOffset()), p.columnOffset(), move(p.at()));
        }
        if (o instanceof List<?> list) {
            List<Object> out = null;
            for (int i = 0; i < list.size(); i++) {
                Object v = list.get(i);
                Object w = walk(v);
                if (w != v && out == null) {
                    out = new ArrayList<>(list.size());
                    for (int j = 0; j < i; j++) out.add(list.get(j));
                }
                if (out != null) out.add(w);
            }
            return out == null ? list : Collections.unmodifiableList(out);
        }
        if (o instanceof Record r) return record(r);
        return o; // addresses, sizes, durations: values without a place
    }

    private Object record(Record r) {
        Shape shape = SHAPES.get(r.getClass());
        Object[] parts = null;
        try {
            for (int i = 0; i < shape.accessors.length; i++) {
                Object v = (Object) shape.accessors[i].invokeExact((Object) r);
                Object w = walk(v);
                if (w != v && parts == null) {
                    parts = new Object[shape.accessors.length];
                    for (int j = 0; j < i; j++) parts[j] = (Object) shape.accessors[j].invokeExact((Object) r);
                }
                if (parts != null) parts[i] = w;
            }
            return parts == null ? r : (Object) shape.constructor.invokeExact(parts);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot move a " + r.getClass().getSimpleName() + " to the edited text", e);
        }
    }

    /**
     * A record class's component accessors and canonical constructor, looked up once, typed Object → Object and
     * Object[] → Object so that they are called exactly (a walk calls them for every value of the model).
     */
    private record Shape(MethodHandle[] accessors, MethodHandle constructor) {}

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            try {
                RecordComponent[] parts = type.getRecordComponents();
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                MethodHandle[] accessors = new MethodHandle[parts.length];
                Class<?>[] types = new Class<?>[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    accessors[i] = lookup.unreflect(parts[i].getAccessor()).asType(MethodType.methodType(Object.class, Object.class));
                    types[i] = parts[i].getType();
                }
                MethodHandle constructor = lookup.findConstructor(type, MethodType.methodType(void.class, types))
                        .asSpreader(Object[].class, parts.length).asType(MethodType.methodType(Object.class, Object[].class));
                return new Shape(accessors, constructor);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(type + " is not a public record", e);
            }
        }
    };
}
