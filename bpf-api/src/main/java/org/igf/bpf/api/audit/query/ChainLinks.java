package org.igf.bpf.api.audit.query;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash of one link of an aggregate's chain, computed here independently of the database
 * function {@code event_chain_hash} (migration V1_1, PL/pgSQL since V1_3) that writes it; both must give the same bytes:
 * <pre>
 * sha256(prev || sha256(aggregate_identifier) || int8(sequence_number) || int8(global_index)
 *        || sha256(event_identifier) || sha256(type) || sha256(payload_type) || sha256(payload_revision)
 *        || sha256(payload) || sha256(meta_data) || sha256(time_stamp))
 * </pre>
 * Texts are UTF-8, a missing text or metadata counts as empty, integers are 8 bytes big-endian, and
 * the first event of an aggregate links to 32 zero bytes.
 */
public final class ChainLinks {

    public static final byte[] GENESIS = new byte[32];

    private ChainLinks() {
    }

    public static byte[] link(byte[] prev, String aggregateIdentifier, long sequence, long globalIndex, String eventIdentifier,
                              String aggregateType, String payloadType, String payloadRevision, byte[] payload,
                              byte[] metaData, String timeStamp) {
        MessageDigest link = sha256();
        link.update(prev);
        link.update(sha256(text(aggregateIdentifier)));
        link.update(ByteBuffer.allocate(16).putLong(sequence).putLong(globalIndex).array());
        link.update(sha256(text(eventIdentifier)));
        link.update(sha256(text(aggregateType)));
        link.update(sha256(text(payloadType)));
        link.update(sha256(text(payloadRevision)));
        link.update(sha256(payload));
        link.update(sha256(metaData == null ? new byte[0] : metaData));
        link.update(sha256(text(timeStamp)));
        return link.digest();
    }

    public static byte[] sha256(byte[] bytes) {
        return sha256().digest(bytes);
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static byte[] text(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
