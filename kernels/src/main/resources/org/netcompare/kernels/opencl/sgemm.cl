/*
 * C = A B on packed panels: the register-blocked micro-kernel of Goto and van de Geijn
 * ("Anatomy of high-performance matrix multiplication", ACM TOMS 34(3), 2008, sections 4-6)
 * and BLIS. Each work-item computes one MR x NR = 8 x 16 tile of C as eight float16
 * accumulators, updated by rank-1 steps: per p, one float8 column of A and one float16 row of
 * B, 128 fused multiply-adds.
 *
 * The k dimension is cut into chunks of kc (the last one shorter, `length`), one launch each,
 * so the A and B panels of a chunk stay in cache while every tile uses them (Goto's kc
 * blocking); chunk 0 starts from zero, later chunks add to the C tile.
 *
 * Packing (done by the host, zero-padded to whole panels), chunk by chunk:
 *   a: chunk q, panel ib holds rows 8 ib .. 8 ib + 7 of A for p in the chunk, p-major,
 *      from a + (q kc rowPanels + ib length) 8
 *   b: chunk q, panel jb holds columns 16 jb .. 16 jb + 15 of B the same way,
 *      from b + (q kc columnPanels + jb length) 16
 * so each work-item streams two contiguous arrays. c is row-major with leading dimension ldc
 * (a multiple of 16). Work-item (ib, jb) = (get_global_id(0), get_global_id(1)).
 */
__kernel void sgemm_panels(int kc, int chunk, int length, int rowPanels, int columnPanels,
        __global const float* a, __global const float* b, __global float* c, int ldc) {
    int ib = get_global_id(0);
    int jb = get_global_id(1);
    __global const float* ap = a + ((size_t) chunk * kc * rowPanels + (size_t) ib * length) * 8;
    __global const float* bp = b + ((size_t) chunk * kc * columnPanels + (size_t) jb * length) * 16;
    __global float* cp = c + (size_t) ib * 8 * ldc + jb * 16;
    float16 c0 = 0.0f, c1 = 0.0f, c2 = 0.0f, c3 = 0.0f;
    float16 c4 = 0.0f, c5 = 0.0f, c6 = 0.0f, c7 = 0.0f;
    if (chunk > 0) {
        c0 = vload16(0, cp);
        c1 = vload16(0, cp + ldc);
        c2 = vload16(0, cp + 2 * ldc);
        c3 = vload16(0, cp + 3 * ldc);
        c4 = vload16(0, cp + 4 * ldc);
        c5 = vload16(0, cp + 5 * ldc);
        c6 = vload16(0, cp + 6 * ldc);
        c7 = vload16(0, cp + 7 * ldc);
    }
    for (int p = 0; p < length; p++) {
        float8 av = vload8(p, ap);
        float16 bv = vload16(p, bp);
        c0 = fma((float16) av.s0, bv, c0);
        c1 = fma((float16) av.s1, bv, c1);
        c2 = fma((float16) av.s2, bv, c2);
        c3 = fma((float16) av.s3, bv, c3);
        c4 = fma((float16) av.s4, bv, c4);
        c5 = fma((float16) av.s5, bv, c5);
        c6 = fma((float16) av.s6, bv, c6);
        c7 = fma((float16) av.s7, bv, c7);
    }
    vstore16(c0, 0, cp);
    vstore16(c1, 0, cp + ldc);
    vstore16(c2, 0, cp + 2 * ldc);
    vstore16(c3, 0, cp + 3 * ldc);
    vstore16(c4, 0, cp + 4 * ldc);
    vstore16(c5, 0, cp + 5 * ldc);
    vstore16(c6, 0, cp + 6 * ldc);
    vstore16(c7, 0, cp + 7 * ldc);
}
