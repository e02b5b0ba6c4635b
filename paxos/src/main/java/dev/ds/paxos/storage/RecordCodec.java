package dev.ds.paxos.storage;

import dev.ds.paxos.api.ProposalNumber;
import dev.ds.paxos.api.Value;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The on-disk encoding of {@link InstanceRecord} and {@link PeerMeta}: a version byte, then fixed
 * fields, then length-prefixed values. Binary rather than JSON because values may be megabytes and
 * base64 would add a third to every synced write.
 */
final class RecordCodec {

    /** Version 2 adds {@link PeerMeta#storedEpoch()}; version 1 records still decode. */
    private static final byte VERSION = 2;
    private static final byte VERSION_WITHOUT_STORED_EPOCH = 1;

    private RecordCodec() {
    }

    static byte[] encode(InstanceRecord record) {
        return write(out -> {
            writeNumber(out, record.promised());
            writeNumber(out, record.acceptedNumber());
            writeValue(out, record.acceptedValue());
            writeValue(out, record.decided());
        }, 64 + record.valueBytes());
    }

    static InstanceRecord decodeInstance(byte[] bytes) {
        DataInputStream in = open(bytes);
        try {
            return new InstanceRecord(readNumber(in), readNumber(in), readValue(in), readValue(in));
        } catch (IOException e) {
            throw new IllegalStateException("corrupt instance record", e);
        }
    }

    static byte[] encode(PeerMeta meta) {
        return write(out -> {
            out.writeByte(meta.standing().ordinal());
            out.writeLong(meta.floorEpoch());
            out.writeLong(meta.abstainThrough());
            out.writeLong(meta.storedEpoch());
            out.writeLong(meta.done());
            out.writeLong(meta.min());
            out.writeLong(meta.incarnation());
        }, 64);
    }

    static PeerMeta decodeMeta(byte[] bytes) {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        try {
            byte version = in.readByte();
            if (version != VERSION && version != VERSION_WITHOUT_STORED_EPOCH) {
                throw new IllegalStateException("unknown record version " + version);
            }
            Standing standing = Standing.values()[in.readByte()];
            long floorEpoch = in.readLong();
            long abstainThrough = in.readLong();
            long storedEpoch = version == VERSION ? in.readLong() : floorEpoch;
            return new PeerMeta(standing, floorEpoch, abstainThrough, storedEpoch, in.readLong(), in.readLong(),
                    in.readLong());
        } catch (IOException e) {
            throw new IllegalStateException("corrupt peer meta record", e);
        }
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] write(Writer writer, long sizeHint) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, sizeHint));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static DataInputStream open(byte[] bytes) {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        try {
            byte version = in.readByte();
            if (version != VERSION && version != VERSION_WITHOUT_STORED_EPOCH) {
                throw new IllegalStateException("unknown record version " + version);
            }
        } catch (IOException e) {
            throw new IllegalStateException("empty record", e);
        }
        return in;
    }

    private static void writeNumber(DataOutputStream out, ProposalNumber number) throws IOException {
        out.writeLong(number.epoch());
        out.writeLong(number.round());
        out.writeInt(number.peer());
        out.writeLong(number.incarnation());
    }

    private static ProposalNumber readNumber(DataInputStream in) throws IOException {
        return new ProposalNumber(in.readLong(), in.readLong(), in.readInt(), in.readLong());
    }

    private static void writeValue(DataOutputStream out, Value value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(value.size());
        value.open().transferTo(out);
    }

    private static Value readValue(DataInputStream in) throws IOException {
        int size = in.readInt();
        return size < 0 ? null : Value.of(in.readNBytes(size));
    }
}
