package org.netcompare.nets.train;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.netcompare.engine.io.NdArray;
import org.netcompare.nets.layers.Parameter;

/**
 * One float32 buffer per parameter name, shaped like the parameter, created at zero on first
 * use: a momentum buffer or a moment estimate.
 */
final class MomentState {

    private final String kind;
    private final Map<String, float[]> buffers = new LinkedHashMap<>();
    private final Map<String, int[]> shapes = new LinkedHashMap<>();

    /** @param kind the prefix of the names in checkpoint files ("momentum_buffer") */
    MomentState(String kind) {
        this.kind = kind;
    }

    /** True if the parameter has a buffer already. */
    boolean has(Parameter p) {
        return buffers.containsKey(p.name());
    }

    /** The parameter's buffer, created at zero if new. */
    float[] of(Parameter p) {
        return buffers.computeIfAbsent(p.name(), name -> {
            shapes.put(name, p.value().shape());
            return new float[p.value().size()];
        });
    }

    /** Adds each buffer as {@code kind + "." + name} to {@code out}. */
    void saveInto(Map<String, NdArray> out) {
        buffers.forEach((name, values) ->
                out.put(kind + "." + name, NdArray.ofFloats(values.clone(), shapes.get(name))));
    }

    /** Takes the arrays named {@code kind + ".*"} out of {@code in}, replacing every buffer. */
    void loadFrom(Map<String, NdArray> in) {
        buffers.clear();
        shapes.clear();
        String prefix = kind + ".";
        in.entrySet().removeIf(entry -> {
            if (!entry.getKey().startsWith(prefix)) {
                return false;
            }
            String name = entry.getKey().substring(prefix.length());
            buffers.put(name, entry.getValue().toFloatArray());
            shapes.put(name, entry.getValue().shape());
            return true;
        });
    }

    @Override
    public String toString() {
        return kind + " " + Arrays.toString(buffers.keySet().toArray());
    }
}
