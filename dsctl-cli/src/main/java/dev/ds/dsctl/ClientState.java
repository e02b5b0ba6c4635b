package dev.ds.dsctl;

import dev.ds.rpc.Wire;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The at-most-once identity of this user's writes, kept across runs of dsctl in
 * {@code $DSCTL_HOME/client.json} (default {@code ~/.dsctl/client.json}): one {@code clientId} and the last
 * {@code seq} it used. A write reserves its {@code seq} on disk before it is sent, so a run that dies
 * mid-write never lets the next run reuse that number (the server would take the new write for a
 * retry of the old one and drop it). The file stays locked for the whole write: two dsctl runs at
 * once take turns, as the contract's "one write outstanding per client" asks.
 */
final class ClientState {

    record Stored(String clientId, long seq) { }

    private final Path file;

    ClientState(Path home) {
        this.file = home.resolve("client.json");
    }

    /** {@code -Ddsctl.home}, else {@code $DSCTL_HOME}, else {@code ~/.dsctl}. */
    static ClientState fromEnvironment() {
        String home = System.getProperty("dsctl.home", System.getenv("DSCTL_HOME"));
        return new ClientState(home == null || home.isBlank()
                ? Path.of(System.getProperty("user.home"), ".dsctl") : Path.of(home));
    }

    /** Runs one write as {@code clientId}, whose previous write carried {@code lastSeq}. */
    <T> T write(BiFunction<String, Long, T> call) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                Stored stored = read(channel);
                save(channel, new Stored(stored.clientId(), stored.seq() + 1));
                return call.apply(stored.clientId(), stored.seq());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("dsctl state " + file + ": " + e.getMessage(), e);
        }
    }

    private static Stored read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) channel.size());
        channel.read(buffer, 0);
        String text = new String(buffer.array(), StandardCharsets.UTF_8).trim();
        if (text.isEmpty()) {
            return new Stored(UUID.randomUUID().toString(), 0);
        }
        Stored stored = Wire.mapper().readValue(text, Stored.class);
        return stored.clientId() == null ? new Stored(UUID.randomUUID().toString(), 0) : stored;
    }

    private static void save(FileChannel channel, Stored stored) throws IOException {
        byte[] bytes = Wire.mapper().writeValueAsBytes(stored);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(bytes), 0);
        channel.force(true);
    }
}
