package financestream.embedded.firehose;

import java.io.IOException;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;

import software.amazon.awssdk.core.SdkBytes;

/**
 * The writer: lands an object's bytes so that a reader (crawler, query) sees the whole object or nothing, like an
 * S3 PUT. Bytes go to a temp file in an in-flight folder outside every bucket, are fsynced, then renamed into place.
 * The in-flight folder is inside the lake root, hence on the same file system, so the rename can be atomic.
 */
final class AtomicObjectWriter {

    private static final int BUFFER_BYTES = 256 * 1024;

    private final Path inFlightDir;

    AtomicObjectWriter(Path inFlightDir) {
        this.inFlightDir = inFlightDir;
    }

    /** Writes the parts, concatenated as they are, to {@code target}; on failure nothing appears at the target. */
    void write(Path target, List<SdkBytes> parts) throws IOException {
        Path temp = inFlightDir.resolve(UUID.randomUUID() + ".inflight");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                // buffered: a system call per record (a line of ~100 bytes) cost more than the bytes
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES);
                for (SdkBytes part : parts) {
                    out.write(part.asByteArrayUnsafe());
                }
                out.flush();
                // the object must survive a crash once it is visible, or "delivered" would be a lie
                channel.force(true);
            }
            Files.createDirectories(target.getParent());
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }
}
