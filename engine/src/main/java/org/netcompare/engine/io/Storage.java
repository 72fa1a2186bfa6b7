package org.netcompare.engine.io;

import java.nio.ByteBuffer;

/**
 * The Java primitive array that holds elements of one width, and bulk copies between it and a
 * byte buffer (whose byte order is the file's). Bulk copies through typed buffer views run at
 * memory speed, which per-element decoding does not.
 */
enum Storage {
    BYTE {
        @Override
        Object allocate(int length) {
            return new byte[length];
        }

        @Override
        int length(Object array) {
            return ((byte[]) array).length;
        }

        @Override
        void decode(ByteBuffer source, Object array, int index, int count) {
            source.get((byte[]) array, index, count);
        }

        @Override
        void encode(Object array, int index, int count, ByteBuffer target) {
            target.put((byte[]) array, index, count);
        }
    },
    SHORT {
        @Override
        Object allocate(int length) {
            return new short[length];
        }

        @Override
        int length(Object array) {
            return ((short[]) array).length;
        }

        @Override
        void decode(ByteBuffer source, Object array, int index, int count) {
            source.asShortBuffer().get((short[]) array, index, count);
            source.position(source.position() + count * 2);
        }

        @Override
        void encode(Object array, int index, int count, ByteBuffer target) {
            target.asShortBuffer().put((short[]) array, index, count);
            target.position(target.position() + count * 2);
        }
    },
    INT {
        @Override
        Object allocate(int length) {
            return new int[length];
        }

        @Override
        int length(Object array) {
            return ((int[]) array).length;
        }

        @Override
        void decode(ByteBuffer source, Object array, int index, int count) {
            source.asIntBuffer().get((int[]) array, index, count);
            source.position(source.position() + count * 4);
        }

        @Override
        void encode(Object array, int index, int count, ByteBuffer target) {
            target.asIntBuffer().put((int[]) array, index, count);
            target.position(target.position() + count * 4);
        }
    },
    LONG {
        @Override
        Object allocate(int length) {
            return new long[length];
        }

        @Override
        int length(Object array) {
            return ((long[]) array).length;
        }

        @Override
        void decode(ByteBuffer source, Object array, int index, int count) {
            source.asLongBuffer().get((long[]) array, index, count);
            source.position(source.position() + count * 8);
        }

        @Override
        void encode(Object array, int index, int count, ByteBuffer target) {
            target.asLongBuffer().put((long[]) array, index, count);
            target.position(target.position() + count * 8);
        }
    },
    FLOAT {
        @Override
        Object allocate(int length) {
            return new float[length];
        }

        @Override
        int length(Object array) {
            return ((float[]) array).length;
        }

        @Override
        void decode(ByteBuffer source, Object array, int index, int count) {
            source.asFloatBuffer().get((float[]) array, index, count);
            source.position(source.position() + count * 4);
        }

        @Override
        void encode(Object array, int index, int count, ByteBuffer target) {
            target.asFloatBuffer().put((float[]) array, index, count);
            target.position(target.position() + count * 4);
        }
    },
    DOUBLE {
        @Override
        Object allocate(int length) {
            return new double[length];
        }

        @Override
        int length(Object array) {
            return ((double[]) array).length;
        }

        @Override
        void decode(ByteBuffer source, Object array, int index, int count) {
            source.asDoubleBuffer().get((double[]) array, index, count);
            source.position(source.position() + count * 8);
        }

        @Override
        void encode(Object array, int index, int count, ByteBuffer target) {
            target.asDoubleBuffer().put((double[]) array, index, count);
            target.position(target.position() + count * 8);
        }
    };

    abstract Object allocate(int length);

    abstract int length(Object array);

    /** Moves {@code count} elements from {@code source}'s position into {@code array[index...]}. */
    abstract void decode(ByteBuffer source, Object array, int index, int count);

    /** Moves {@code array[index...index+count)} to {@code target}'s position. */
    abstract void encode(Object array, int index, int count, ByteBuffer target);
}
