package org.netcompare.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * NumPy {@code .npz} archives: a zip file whose entries {@code name.npy} are .npy files, as
 * {@code np.savez} (entries stored) and {@code np.savez_compressed} (entries deflated) write
 * them. Gradients and groups of activations travel this way.
 */
public final class Npz {

    private static final String SUFFIX = ".npy";

    private Npz() {
    }

    /**
     * Reads every array, keyed by entry name without {@code .npy}, in archive order.
     *
     * @throws FileFormatException naming the archive (and the entry) if it is not a zip file,
     *     holds an entry that is not a .npy file, repeats a name or holds a malformed array
     */
    public static Map<String, NdArray> read(Path file) throws IOException {
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new FileFormatException(file, "not a zip archive (" + e.getMessage() + ")");
        }
        try (zip) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() || !name.endsWith(SUFFIX)) {
                    throw new FileFormatException(file, "entry '" + name
                            + "' is not a .npy array");
                }
                String key = name.substring(0, name.length() - SUFFIX.length());
                if (arrays.containsKey(key)) {
                    throw new FileFormatException(file, "entry '" + name + "' appears twice");
                }
                arrays.put(key, readEntry(zip, entry, file));
            }
        }
        return arrays;
    }

    private static NdArray readEntry(ZipFile zip, ZipEntry entry, Path file) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return Npy.read(Channels.newChannel(in), entry.getSize(), file);
        } catch (FileFormatException e) {
            throw new FileFormatException(file, "entry '" + entry.getName() + "': "
                    + e.problem(), e);
        } catch (ZipException e) {
            throw new FileFormatException(file, "entry '" + entry.getName() + "' is corrupt ("
                    + e.getMessage() + ")", e);
        }
    }

    /**
     * Writes the arrays as stored (uncompressed) entries {@code key.npy} in the map's order, as
     * {@code np.savez} does, atomically.
     */
    public static void write(Path file, Map<String, NdArray> arrays) throws IOException {
        for (String key : arrays.keySet()) {
            if (key.isEmpty()) {
                throw new IllegalArgumentException("an array name is empty");
            }
        }
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (Map.Entry<String, NdArray> named : arrays.entrySet()) {
                writeEntry(zip, named.getKey() + SUFFIX, named.getValue());
            }
            zip.finish();
        });
    }

    /**
     * A stored entry needs its size and CRC before its data, so the array is encoded twice:
     * once into a checksum, once into the archive. That costs CPU time, not a copy in memory.
     */
    private static void writeEntry(ZipOutputStream zip, String name, NdArray array)
            throws IOException {
        byte[] header = NpyHeader.encode(array.dtype(), array.shape());
        CRC32 crc = new CRC32();
        encode(new WritableByteChannel() {
            @Override
            public int write(ByteBuffer source) {
                int n = source.remaining();
                crc.update(source);
                return n;
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
            }
        }, header, array);
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        long size = header.length + array.size() * array.dtype().itemSize();
        entry.setSize(size);
        entry.setCompressedSize(size);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        encode(Channels.newChannel(zip), header, array);
        zip.closeEntry();
    }

    private static void encode(WritableByteChannel out, byte[] header, NdArray array)
            throws IOException {
        Npy.writeTo(out, header, array.dtype(), array.data(), 0, (int) array.size());
    }
}
