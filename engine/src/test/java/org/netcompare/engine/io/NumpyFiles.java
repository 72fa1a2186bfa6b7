package org.netcompare.engine.io;

import java.util.Base64;

/**
 * Files NumPy 1.24.2 (/usr/bin/python3) wrote, base64-encoded, so the tests need no Python.
 * Each constant names the array: {@code F4_3X4} is
 * {@code np.save(f, (np.arange(12, dtype='<f4') * 0.5).reshape(3, 4))}, {@code FORTRAN_I4_2X3X4}
 * is {@code np.asfortranarray(np.arange(24, dtype='<i4').reshape(2, 3, 4))}, {@code V2_F8_2X3}
 * and {@code V3_F8_2X3} are {@code np.arange(6, dtype='<f8').reshape(2, 3)} written by
 * {@code np.lib.format.write_array(f, a, version=(2, 0))} and {@code (3, 0)},
 * {@code SCALAR_F8} is {@code np.array(2.5)}, {@code EMPTY_F4_0X3} is
 * {@code np.zeros((0, 3), '<f4')} and {@code U1_5} is {@code np.arange(5, dtype='u1')}.
 */
final class NumpyFiles {

    private NumpyFiles() {
    }

    static byte[] bytes(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    static final String F4_3X4 =
            "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzog"
            + "KDMsIDQpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg"
            + "ICAgICAgIAoAAAAAAAAAPwAAgD8AAMA/AAAAQAAAIEAAAEBAAABgQAAAgEAAAJBAAACgQAAAsEA=";
    static final String FORTRAN_I4_2X3X4 =
            "k05VTVBZAQB2AHsnZGVzY3InOiAnPGk0JywgJ2ZvcnRyYW5fb3JkZXInOiBUcnVlLCAnc2hhcGUnOiAo"
            + "MiwgMywgNCksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg"
            + "ICAgICAgIAoAAAAADAAAAAQAAAAQAAAACAAAABQAAAABAAAADQAAAAUAAAARAAAACQAAABUAAAACAAAA"
            + "DgAAAAYAAAASAAAACgAAABYAAAADAAAADwAAAAcAAAATAAAACwAAABcAAAA=";
    static final String V2_F8_2X3 =
            "k05VTVBZAgB0AAAAeydkZXNjcic6ICc8ZjgnLCAnZm9ydHJhbl9vcmRlcic6IEZhbHNlLCAnc2hhcGUn"
            + "OiAoMiwgMyksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg"
            + "ICAgICAgIAoAAAAAAAAAAAAAAAAAAPA/AAAAAAAAAEAAAAAAAAAIQAAAAAAAABBAAAAAAAAAFEA=";
    static final String V3_F8_2X3 =
            "k05VTVBZAwB0AAAAeydkZXNjcic6ICc8ZjgnLCAnZm9ydHJhbl9vcmRlcic6IEZhbHNlLCAnc2hhcGUn"
            + "OiAoMiwgMyksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg"
            + "ICAgICAgIAoAAAAAAAAAAAAAAAAAAPA/AAAAAAAAAEAAAAAAAAAIQAAAAAAAABBAAAAAAAAAFEA=";
    static final String SCALAR_F8 =
            "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzog"
            + "KCksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg"
            + "ICAgICAgIAoAAAAAAAAEQA==";
    static final String EMPTY_F4_0X3 =
            "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzog"
            + "KDAsIDMpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg"
            + "ICAgICAgIAo=";
    static final String U1_5 =
            "k05VTVBZAQB2AHsnZGVzY3InOiAnfHUxJywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzog"
            + "KDUsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg"
            + "ICAgICAgIAoAAQIDBA==";

    /**
     * {@code np.savez(f, weights=np.arange(6, dtype='<f4').reshape(2, 3),
     * labels=np.array([1, 2, 3], dtype='<i8'))}, and the same with {@code np.savez_compressed}.
     */
    static final String NPZ_STORED =
            "UEsDBBQAAAAAAAAAIQBP6QAqmAAAAJgAAAALABQAd2VpZ2h0cy5ucHkBABAAmAAAAAAAAACYAAAAAAAA"
            + "AJNOVU1QWQEAdgB7J2Rlc2NyJzogJzxmNCcsICdmb3J0cmFuX29yZGVyJzogRmFsc2UsICdzaGFwZSc6"
            + "ICgyLCAzKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg"
            + "ICAgICAgICAKAAAAAAAAgD8AAABAAABAQAAAgEAAAKBAUEsDBBQAAAAAAAAAIQC8kVWOmAAAAJgAAAAK"
            + "ABQAbGFiZWxzLm5weQEAEACYAAAAAAAAAJgAAAAAAAAAk05VTVBZAQB2AHsnZGVzY3InOiAnPGk4Jywg"
            + "J2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDMsKSwgfSAgICAgICAgICAgICAgICAgICAg"
            + "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoBAAAAAAAAAAIAAAAAAAAAAwAA"
            + "AAAAAABQSwECFAMUAAAAAAAAACEAT+kAKpgAAACYAAAACwAAAAAAAAAAAAAAgAEAAAAAd2VpZ2h0cy5u"
            + "cHlQSwECFAMUAAAAAAAAACEAvJFVjpgAAACYAAAACgAAAAAAAAAAAAAAgAHVAAAAbGFiZWxzLm5weVBL"
            + "BQYAAAAAAgACAHEAAACpAQAAAAA=";
    static final String NPZ_DEFLATED =
            "UEsDBBQAAAAIAAAAIQBP6QAqVQAAAJgAAAALABQAd2VpZ2h0cy5ucHkBABAAmAAAAAAAAABVAAAAAAAA"
            + "AJvsF+obEMnIUMZQrZ6SWpxcpG6loG6TZqKuo6Cell9UUpSYF59flJIKEndLzClOBYoXZyQWpAL5GkY6"
            + "CsaaOgq1CmQDLgYwaLAHEg5ABMQNQLzAAQBQSwMEFAAAAAgAAAAhALyRVY5NAAAAmAAAAAoAFABsYWJl"
            + "bHMubnB5AQAQAJgAAAAAAAAATQAAAAAAAACb7BfqGxDJyFDGUK2eklqcXKRupaBuk2mhrqOgnpZfVFKU"
            + "mBefX5SSChJ3S8wpTgWKF2ckFqQC+RrGOpo6CrUKFAAuRgYIYILSzFAaAFBLAQIUAxQAAAAIAAAAIQBP"
            + "6QAqVQAAAJgAAAALAAAAAAAAAAAAAACAAQAAAAB3ZWlnaHRzLm5weVBLAQIUAxQAAAAIAAAAIQC8kVWO"
            + "TQAAAJgAAAAKAAAAAAAAAAAAAACAAZIAAABsYWJlbHMubnB5UEsFBgAAAAACAAIAcQAAABsBAAAAAA==";

    /**
     * {descr, little-endian data bytes in hex as {@code a.tobytes().hex()} printed them, the
     * values as float64} for {@code a = np.array(values, dtype=descr)}.
     */
    static final Object[][] DTYPE_SAMPLES = {
            {"<f2", "0000003c00c1ff7b0200",
                new double[] {0.0, 1.0, -2.5, 65504.0, 1.1920928955078125e-07}},
            {">f4", "000000003f800000c020000050f224d533d6bf95",
                new double[] {0.0, 1.0, -2.5, 32500000768.0, 1.0000000116860974e-07}},
            {"<f8", "0000000000000000000000000000f03f"
                + "00000000000004c09c7500883ce4377e59f3f8c21f6ea501",
                new double[] {0.0, 1.0, -2.5, 1e+300, 1e-300}},
            {"|i1", "0001fe7f80",
                new double[] {0.0, 1.0, -2.0, 127.0, -128.0}},
            {"<i2", "00000100feffff7f0080",
                new double[] {0.0, 1.0, -2.0, 32767.0, -32768.0}},
            {"<i4", "0000000001000000feffffffffffff7f00000080",
                new double[] {0.0, 1.0, -2.0, 2147483647.0, -2147483648.0}},
            {">i8", "00000000000000000000000000000001"
                + "fffffffffffffffe40000000000000008000000000000000",
                new double[] {0.0, 1.0, -2.0, 4.611686018427388e+18, -9.223372036854776e+18}},
            {"|u1", "000102c8ff",
                new double[] {0.0, 1.0, 2.0, 200.0, 255.0}},
            {"<u2", "000001000200409cffff",
                new double[] {0.0, 1.0, 2.0, 40000.0, 65535.0}},
            {"<u4", "000000000100000002000000005ed0b2ffffffff",
                new double[] {0.0, 1.0, 2.0, 3000000000.0, 4294967295.0}},
            {"|b1", "0100010100",
                new double[] {1.0, 0.0, 1.0, 1.0, 0.0}},
    };
}
