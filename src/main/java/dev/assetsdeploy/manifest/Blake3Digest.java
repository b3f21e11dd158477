package dev.assetsdeploy.manifest;

import java.util.Arrays;

/**
 * BLAKE3 (hash mode, 32-byte output), written for speed: Commons Codec's {@code Blake3}
 * gives the same digests but allocates on every 64-byte block and runs at a fraction of the
 * speed, which made it the whole cost of a manifest. Tests check this class against Commons
 * Codec on many lengths. The seven rounds are unrolled with the message permutation applied.
 *
 * <p>Not thread-safe; {@link #reset()} makes an instance reusable.
 */
final class Blake3Digest {

    private static final int BLOCK_LEN = 64;
    private static final int CHUNK_LEN = 1024;
    private static final int CHUNK_START = 1;
    private static final int CHUNK_END = 2;
    private static final int PARENT = 4;
    private static final int ROOT = 8;
    private static final int[] IV = {
        0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A, 0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19
    };

    private final int[] cv = new int[8];
    private final int[] out = new int[16];
    private final int[] msg = new int[16];
    private final int[] chunkCv = new int[8];
    private final int[] rootCv = new int[8];
    /** Chaining values of completed subtrees; 54 levels cover 2^64 bytes. */
    private final int[] stack = new int[54 * 8];

    private int stackDepth;
    private final byte[] block = new byte[BLOCK_LEN];
    private int blockLen;
    private int blocksCompressed;
    private long chunkCounter;

    Blake3Digest() {
        reset();
    }

    void reset() {
        System.arraycopy(IV, 0, cv, 0, 8);
        stackDepth = 0;
        blockLen = 0;
        blocksCompressed = 0;
        chunkCounter = 0;
    }

    void update(byte[] input, int offset, int length) {
        int end = offset + length;
        while (offset < end) {
            if (blocksCompressed * BLOCK_LEN + blockLen == CHUNK_LEN) {
                finishChunk();
            }
            if (blockLen == BLOCK_LEN) {
                compressBlock(block, 0);
            }
            // A block is compressed only once more input follows it: the last block of a chunk
            // carries CHUNK_END, and only the end of input says which block is last.
            while (blockLen == 0 && blocksCompressed < CHUNK_LEN / BLOCK_LEN - 1 && end - offset > BLOCK_LEN) {
                compressBlock(input, offset);
                offset += BLOCK_LEN;
            }
            int take = Math.min(BLOCK_LEN - blockLen, end - offset);
            System.arraycopy(input, offset, block, blockLen, take);
            blockLen += take;
            offset += take;
        }
    }

    /** Writes the 32-byte digest into {@code digest}. The instance needs {@link #reset()} before reuse. */
    void finish(byte[] digest) {
        Arrays.fill(block, blockLen, BLOCK_LEN, (byte) 0);
        int[] m = msg;
        for (int i = 0; i < 16; i++) {
            m[i] = littleEndianInt(block, i * 4);
        }
        int[] inputCv = rootCv;
        System.arraycopy(cv, 0, inputCv, 0, 8);
        long counter = chunkCounter;
        int len = blockLen;
        int flags = startFlag() | CHUNK_END;
        for (int depth = stackDepth; depth > 0; depth--) {
            compress(inputCv, m, counter, len, flags);
            System.arraycopy(stack, (depth - 1) * 8, m, 0, 8);
            System.arraycopy(out, 0, m, 8, 8);
            System.arraycopy(IV, 0, inputCv, 0, 8);
            counter = 0;
            len = BLOCK_LEN;
            flags = PARENT;
        }
        compress(inputCv, m, counter, len, flags | ROOT);
        for (int i = 0; i < 8; i++) {
            digest[i * 4] = (byte) out[i];
            digest[i * 4 + 1] = (byte) (out[i] >>> 8);
            digest[i * 4 + 2] = (byte) (out[i] >>> 16);
            digest[i * 4 + 3] = (byte) (out[i] >>> 24);
        }
    }

    private int startFlag() {
        return blocksCompressed == 0 ? CHUNK_START : 0;
    }

    private void compressBlock(byte[] bytes, int offset) {
        int[] m = msg;
        for (int i = 0; i < 16; i++) {
            m[i] = littleEndianInt(bytes, offset + i * 4);
        }
        compress(cv, m, chunkCounter, BLOCK_LEN, startFlag());
        System.arraycopy(out, 0, cv, 0, 8);
        blocksCompressed++;
        blockLen = 0;
    }

    private void finishChunk() {
        Arrays.fill(block, blockLen, BLOCK_LEN, (byte) 0);
        int[] m = msg;
        for (int i = 0; i < 16; i++) {
            m[i] = littleEndianInt(block, i * 4);
        }
        compress(cv, m, chunkCounter, blockLen, startFlag() | CHUNK_END);
        int[] chunkCv = this.chunkCv;
        System.arraycopy(out, 0, chunkCv, 0, 8);
        long totalChunks = ++chunkCounter;
        // Merge completed subtrees: one merge per trailing zero bit of the chunk count.
        while ((totalChunks & 1) == 0) {
            stackDepth--;
            System.arraycopy(stack, stackDepth * 8, m, 0, 8);
            System.arraycopy(chunkCv, 0, m, 8, 8);
            compress(IV, m, 0, BLOCK_LEN, PARENT);
            System.arraycopy(out, 0, chunkCv, 0, 8);
            totalChunks >>= 1;
        }
        System.arraycopy(chunkCv, 0, stack, stackDepth * 8, 8);
        stackDepth++;
        System.arraycopy(IV, 0, cv, 0, 8);
        blockLen = 0;
        blocksCompressed = 0;
    }

    /** Plain shifts, not a VarHandle: on a short run the VarHandle machinery costs more to compile than it saves. */
    private static int littleEndianInt(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 24;
    }

    private static int rotr(int x, int n) {
        return Integer.rotateRight(x, n);
    }

    /** The compression function; its 16 output words go to {@link #out}. */
    private void compress(int[] h, int[] m, long counter, int blockLength, int flags) {
        int m0 = m[0], m1 = m[1], m2 = m[2], m3 = m[3], m4 = m[4], m5 = m[5], m6 = m[6], m7 = m[7];
        int m8 = m[8], m9 = m[9], m10 = m[10], m11 = m[11], m12 = m[12], m13 = m[13], m14 = m[14], m15 = m[15];
        int v0 = h[0], v1 = h[1], v2 = h[2], v3 = h[3], v4 = h[4], v5 = h[5], v6 = h[6], v7 = h[7];
        int v8 = IV[0], v9 = IV[1], v10 = IV[2], v11 = IV[3];
        int v12 = (int) counter, v13 = (int) (counter >>> 32), v14 = blockLength, v15 = flags;
        v0 += v4 + m0;
        v12 = rotr(v12 ^ v0, 16);
        v8 += v12;
        v4 = rotr(v4 ^ v8, 12);
        v0 += v4 + m1;
        v12 = rotr(v12 ^ v0, 8);
        v8 += v12;
        v4 = rotr(v4 ^ v8, 7);
        v1 += v5 + m2;
        v13 = rotr(v13 ^ v1, 16);
        v9 += v13;
        v5 = rotr(v5 ^ v9, 12);
        v1 += v5 + m3;
        v13 = rotr(v13 ^ v1, 8);
        v9 += v13;
        v5 = rotr(v5 ^ v9, 7);
        v2 += v6 + m4;
        v14 = rotr(v14 ^ v2, 16);
        v10 += v14;
        v6 = rotr(v6 ^ v10, 12);
        v2 += v6 + m5;
        v14 = rotr(v14 ^ v2, 8);
        v10 += v14;
        v6 = rotr(v6 ^ v10, 7);
        v3 += v7 + m6;
        v15 = rotr(v15 ^ v3, 16);
        v11 += v15;
        v7 = rotr(v7 ^ v11, 12);
        v3 += v7 + m7;
        v15 = rotr(v15 ^ v3, 8);
        v11 += v15;
        v7 = rotr(v7 ^ v11, 7);
        v0 += v5 + m8;
        v15 = rotr(v15 ^ v0, 16);
        v10 += v15;
        v5 = rotr(v5 ^ v10, 12);
        v0 += v5 + m9;
        v15 = rotr(v15 ^ v0, 8);
        v10 += v15;
        v5 = rotr(v5 ^ v10, 7);
        v1 += v6 + m10;
        v12 = rotr(v12 ^ v1, 16);
        v11 += v12;
        v6 = rotr(v6 ^ v11, 12);
        v1 += v6 + m11;
        v12 = rotr(v12 ^ v1, 8);
        v11 += v12;
        v6 = rotr(v6 ^ v11, 7);
        v2 += v7 + m12;
        v13 = rotr(v13 ^ v2, 16);
        v8 += v13;
        v7 = rotr(v7 ^ v8, 12);
        v2 += v7 + m13;
        v13 = rotr(v13 ^ v2, 8);
        v8 += v13;
        v7 = rotr(v7 ^ v8, 7);
        v3 += v4 + m14;
        v14 = rotr(v14 ^ v3, 16);
        v9 += v14;
        v4 = rotr(v4 ^ v9, 12);
        v3 += v4 + m15;
        v14 = rotr(v14 ^ v3, 8);
        v9 += v14;
        v4 = rotr(v4 ^ v9, 7);
        v0 += v4 + m2;
        v12 = rotr(v12 ^ v0, 16);
        v8 += v12;
        v4 = rotr(v4 ^ v8, 12);
        v0 += v4 + m6;
        v12 = rotr(v12 ^ v0, 8);
        v8 += v12;
        v4 = rotr(v4 ^ v8, 7);
        v1 += v5 + m3;
        v13 = rotr(v13 ^ v1, 16);
        v9 += v13;
        v5 = rotr(v5 ^ v9, 12);
        v1 += v5 + m10;
        v13 = rotr(v13 ^ v1, 8);
        v9 += v13;
        v5 = rotr(v5 ^ v9, 7);
        v2 += v6 + m7;
        v14 = rotr(v14 ^ v2, 16);
        v10 += v14;
        v6 = rotr(v6 ^ v10, 12);
        v2 += v6 + m0;
        v14 = rotr(v14 ^ v2, 8);
        v10 += v14;
        v6 = rotr(v6 ^ v10, 7);
        v3 += v7 + m4;
        v15 = rotr(v15 ^ v3, 16);
        v11 += v15;
        v7 = rotr(v7 ^ v11, 12);
        v3 += v7 + m13;
        v15 = rotr(v15 ^ v3, 8);
        v11 += v15;
        v7 = rotr(v7 ^ v11, 7);
        v0 += v5 + m1;
        v15 = rotr(v15 ^ v0, 16);
        v10 += v15;
        v5 = rotr(v5 ^ v10, 12);
        v0 += v5 + m11;
        v15 = rotr(v15 ^ v0, 8);
        v10 += v15;
        v5 = rotr(v5 ^ v10, 7);
        v1 += v6 + m12;
        v12 = rotr(v12 ^ v1, 16);
        v11 += v12;
        v6 = rotr(v6 ^ v11, 12);
        v1 += v6 + m5;
        v12 = rotr(v12 ^ v1, 8);
        v11 += v12;
        v6 = rotr(v6 ^ v11, 7);
        v2 += v7 + m9;
        v13 = rotr(v13 ^ v2, 16);
        v8 += v13;
        v7 = rotr(v7 ^ v8, 12);
        v2 += v7 + m14;
        v13 = rotr(v13 ^ v2, 8);
        v8 += v13;
        v7 = rotr(v7 ^ v8, 7);
        v3 += v4 + m15;
        v14 = rotr(v14 ^ v3, 16);
        v9 += v14;
        v4 = rotr(v4 ^ v9, 12);
        v3 += v4 + m8;
        v14 = rotr(v14 ^ v3, 8);
        v9 += v14;
        v4 = rotr(v4 ^ v9, 7);
        v0 += v4 + m3;
        v12 = rotr(v12 ^ v0, 16);
        v8 += v12;
        v4 = rotr(v4 ^ v8, 12);
        v0 += v4 + m4;
        v12 = rotr(v12 ^ v0, 8);
        v8 += v12;
        v4 = rotr(v4 ^ v8, 7);
        v1 += v5 + m10;
        v13 = rotr(v13 ^ v1, 16);
        v9 += v13;
        v5 = rotr(v5 ^ v9, 12);
        v1 += v5 + m12;
        v13 = rotr(v13 ^ v1, 8);
        v9 += v13;
        v5 = rotr(v5 ^ v9, 7);
        v2 += v6 + m13;
        v14 = rotr(v14 ^ v2, 16);
        v10 += v14;
        v6 = rotr(v6 ^ v10, 12);
        v2 += v6 + m2;
        v14 = rotr(v14 ^ v2, 8);
        v10 += v14;
        v6 = rotr(v6 ^ v10, 7);
        v3 += v7 + m7;
        v15 = rotr(v15 ^ v3, 16);
        v11 += v15;
        v7 = rotr(v7 ^ v11, 12);
        v3 += v7 + m14;
        v15 = rotr(v15 ^ v3, 8);
        v11 += v15;
        v7 = rotr(v7 ^ v11, 7);
        v0 += v5 + m6;
        v15 = rotr(v15 ^ v0, 16);
        v10 += v15;
        v5 = rotr(v5 ^ v10, 12);
        v0 += v5 + m5;
        v15 = rotr(v15 ^ v0, 8);
        v10 += v15;
        v5 = rotr(v5 ^ v10, 7);
        v1 += v6 + m9;
        v12 = rotr(v12 ^ v1, 16);
        v11 += v12;
        v6 = rotr(v6 ^ v11, 12);
        v1 += v6 + m0;
        v12 = rotr(v12 ^ v1, 8);
        v11 += v12;
        v6 = rotr(v6 ^ v11, 7);
        v2 += v7 + m11;
        v13 = rotr(v13 ^ v2, 16);
        v8 += v13;
        v7 = rotr(v7 ^ v8, 12);
        v2 += v7 + m15;
        v13 = rotr(v13 ^ v2, 8);
        v8 += v13;
        v7 = rotr(v7 ^ v8, 7);
        v3 += v4 + m8;
        v14 = rotr(v14 ^ v3, 16);
        v9 += v14;
        v4 = rotr(v4 ^ v9, 12);
        v3 += v4 + m1;
        v14 = rotr(v14 ^ v3, 8);
        v9 += v14;
        v4 = rotr(v4 ^ v9, 7);
        v0 += v4 + m10;
        v12 = rotr(v12 ^ v0, 16);
        v8 += v12;
        v4 = rotr(v4 ^ v8, 12);
        v0 += v4 + m7;
        v12 = rotr(v12 ^ v0, 8);
        v8 += v12;
        v4 = rotr(v4 ^ v8, 7);
        v1 += v5 + m12;
        v13 = rotr(v13 ^ v1, 16);
        v9 += v13;
        v5 = rotr(v5 ^ v9, 12);
        v1 += v5 + m9;
        v13 = rotr(v13 ^ v1, 8);
        v9 += v13;
        v5 = rotr(v5 ^ v9, 7);
        v2 += v6 + m14;
        v14 = rotr(v14 ^ v2, 16);
        v10 += v14;
        v6 = rotr(v6 ^ v10, 12);
        v2 += v6 + m3;
        v14 = rotr(v14 ^ v2, 8);
        v10 += v14;
        v6 = rotr(v6 ^ v10, 7);
        v3 += v7 + m13;
        v15 = rotr(v15 ^ v3, 16);
        v11 += v15;
        v7 = rotr(v7 ^ v11, 12);
        v3 += v7 + m15;
        v15 = rotr(v15 ^ v3, 8);
        v11 += v15;
        v7 = rotr(v7 ^ v11, 7);
        v0 += v5 + m4;
        v15 = rotr(v15 ^ v0, 16);
        v10 += v15;
        v5 = rotr(v5 ^ v10, 12);
        v0 += v5 + m0;
        v15 = rotr(v15 ^ v0, 8);
        v10 += v15;
        v5 = rotr(v5 ^ v10, 7);
        v1 += v6 + m11;
        v12 = rotr(v12 ^ v1, 16);
        v11 += v12;
        v6 = rotr(v6 ^ v11, 12);
        v1 += v6 + m2;
        v12 = rotr(v12 ^ v1, 8);
        v11 += v12;
        v6 = rotr(v6 ^ v11, 7);
        v2 += v7 + m5;
        v13 = rotr(v13 ^ v2, 16);
        v8 += v13;
        v7 = rotr(v7 ^ v8, 12);
        v2 += v7 + m8;
        v13 = rotr(v13 ^ v2, 8);
        v8 += v13;
        v7 = rotr(v7 ^ v8, 7);
        v3 += v4 + m1;
        v14 = rotr(v14 ^ v3, 16);
        v9 += v14;
        v4 = rotr(v4 ^ v9, 12);
        v3 += v4 + m6;
        v14 = rotr(v14 ^ v3, 8);
        v9 += v14;
        v4 = rotr(v4 ^ v9, 7);
        v0 += v4 + m12;
        v12 = rotr(v12 ^ v0, 16);
        v8 += v12;
        v4 = rotr(v4 ^ v8, 12);
        v0 += v4 + m13;
        v12 = rotr(v12 ^ v0, 8);
        v8 += v12;
        v4 = rotr(v4 ^ v8, 7);
        v1 += v5 + m9;
        v13 = rotr(v13 ^ v1, 16);
        v9 += v13;
        v5 = rotr(v5 ^ v9, 12);
        v1 += v5 + m11;
        v13 = rotr(v13 ^ v1, 8);
        v9 += v13;
        v5 = rotr(v5 ^ v9, 7);
        v2 += v6 + m15;
        v14 = rotr(v14 ^ v2, 16);
        v10 += v14;
        v6 = rotr(v6 ^ v10, 12);
        v2 += v6 + m10;
        v14 = rotr(v14 ^ v2, 8);
        v10 += v14;
        v6 = rotr(v6 ^ v10, 7);
        v3 += v7 + m14;
        v15 = rotr(v15 ^ v3, 16);
        v11 += v15;
        v7 = rotr(v7 ^ v11, 12);
        v3 += v7 + m8;
        v15 = rotr(v15 ^ v3, 8);
        v11 += v15;
        v7 = rotr(v7 ^ v11, 7);
        v0 += v5 + m7;
        v15 = rotr(v15 ^ v0, 16);
        v10 += v15;
        v5 = rotr(v5 ^ v10, 12);
        v0 += v5 + m2;
        v15 = rotr(v15 ^ v0, 8);
        v10 += v15;
        v5 = rotr(v5 ^ v10, 7);
        v1 += v6 + m5;
        v12 = rotr(v12 ^ v1, 16);
        v11 += v12;
        v6 = rotr(v6 ^ v11, 12);
        v1 += v6 + m3;
        v12 = rotr(v12 ^ v1, 8);
        v11 += v12;
        v6 = rotr(v6 ^ v11, 7);
        v2 += v7 + m0;
        v13 = rotr(v13 ^ v2, 16);
        v8 += v13;
        v7 = rotr(v7 ^ v8, 12);
        v2 += v7 + m1;
        v13 = rotr(v13 ^ v2, 8);
        v8 += v13;
        v7 = rotr(v7 ^ v8, 7);
        v3 += v4 + m6;
        v14 = rotr(v14 ^ v3, 16);
        v9 += v14;
        v4 = rotr(v4 ^ v9, 12);
        v3 += v4 + m4;
        v14 = rotr(v14 ^ v3, 8);
        v9 += v14;
        v4 = rotr(v4 ^ v9, 7);
        v0 += v4 + m9;
        v12 = rotr(v12 ^ v0, 16);
        v8 += v12;
        v4 = rotr(v4 ^ v8, 12);
        v0 += v4 + m14;
        v12 = rotr(v12 ^ v0, 8);
        v8 += v12;
        v4 = rotr(v4 ^ v8, 7);
        v1 += v5 + m11;
        v13 = rotr(v13 ^ v1, 16);
        v9 += v13;
        v5 = rotr(v5 ^ v9, 12);
        v1 += v5 + m5;
        v13 = rotr(v13 ^ v1, 8);
        v9 += v13;
        v5 = rotr(v5 ^ v9, 7);
        v2 += v6 + m8;
        v14 = rotr(v14 ^ v2, 16);
        v10 += v14;
        v6 = rotr(v6 ^ v10, 12);
        v2 += v6 + m12;
        v14 = rotr(v14 ^ v2, 8);
        v10 += v14;
        v6 = rotr(v6 ^ v10, 7);
        v3 += v7 + m15;
        v15 = rotr(v15 ^ v3, 16);
        v11 += v15;
        v7 = rotr(v7 ^ v11, 12);
        v3 += v7 + m1;
        v15 = rotr(v15 ^ v3, 8);
        v11 += v15;
        v7 = rotr(v7 ^ v11, 7);
        v0 += v5 + m13;
        v15 = rotr(v15 ^ v0, 16);
        v10 += v15;
        v5 = rotr(v5 ^ v10, 12);
        v0 += v5 + m3;
        v15 = rotr(v15 ^ v0, 8);
        v10 += v15;
        v5 = rotr(v5 ^ v10, 7);
        v1 += v6 + m0;
        v12 = rotr(v12 ^ v1, 16);
        v11 += v12;
        v6 = rotr(v6 ^ v11, 12);
        v1 += v6 + m10;
        v12 = rotr(v12 ^ v1, 8);
        v11 += v12;
        v6 = rotr(v6 ^ v11, 7);
        v2 += v7 + m2;
        v13 = rotr(v13 ^ v2, 16);
        v8 += v13;
        v7 = rotr(v7 ^ v8, 12);
        v2 += v7 + m6;
        v13 = rotr(v13 ^ v2, 8);
        v8 += v13;
        v7 = rotr(v7 ^ v8, 7);
        v3 += v4 + m4;
        v14 = rotr(v14 ^ v3, 16);
        v9 += v14;
        v4 = rotr(v4 ^ v9, 12);
        v3 += v4 + m7;
        v14 = rotr(v14 ^ v3, 8);
        v9 += v14;
        v4 = rotr(v4 ^ v9, 7);
        v0 += v4 + m11;
        v12 = rotr(v12 ^ v0, 16);
        v8 += v12;
        v4 = rotr(v4 ^ v8, 12);
        v0 += v4 + m15;
        v12 = rotr(v12 ^ v0, 8);
        v8 += v12;
        v4 = rotr(v4 ^ v8, 7);
        v1 += v5 + m5;
        v13 = rotr(v13 ^ v1, 16);
        v9 += v13;
        v5 = rotr(v5 ^ v9, 12);
        v1 += v5 + m0;
        v13 = rotr(v13 ^ v1, 8);
        v9 += v13;
        v5 = rotr(v5 ^ v9, 7);
        v2 += v6 + m1;
        v14 = rotr(v14 ^ v2, 16);
        v10 += v14;
        v6 = rotr(v6 ^ v10, 12);
        v2 += v6 + m9;
        v14 = rotr(v14 ^ v2, 8);
        v10 += v14;
        v6 = rotr(v6 ^ v10, 7);
        v3 += v7 + m8;
        v15 = rotr(v15 ^ v3, 16);
        v11 += v15;
        v7 = rotr(v7 ^ v11, 12);
        v3 += v7 + m6;
        v15 = rotr(v15 ^ v3, 8);
        v11 += v15;
        v7 = rotr(v7 ^ v11, 7);
        v0 += v5 + m14;
        v15 = rotr(v15 ^ v0, 16);
        v10 += v15;
        v5 = rotr(v5 ^ v10, 12);
        v0 += v5 + m10;
        v15 = rotr(v15 ^ v0, 8);
        v10 += v15;
        v5 = rotr(v5 ^ v10, 7);
        v1 += v6 + m2;
        v12 = rotr(v12 ^ v1, 16);
        v11 += v12;
        v6 = rotr(v6 ^ v11, 12);
        v1 += v6 + m12;
        v12 = rotr(v12 ^ v1, 8);
        v11 += v12;
        v6 = rotr(v6 ^ v11, 7);
        v2 += v7 + m3;
        v13 = rotr(v13 ^ v2, 16);
        v8 += v13;
        v7 = rotr(v7 ^ v8, 12);
        v2 += v7 + m4;
        v13 = rotr(v13 ^ v2, 8);
        v8 += v13;
        v7 = rotr(v7 ^ v8, 7);
        v3 += v4 + m7;
        v14 = rotr(v14 ^ v3, 16);
        v9 += v14;
        v4 = rotr(v4 ^ v9, 12);
        v3 += v4 + m13;
        v14 = rotr(v14 ^ v3, 8);
        v9 += v14;
        v4 = rotr(v4 ^ v9, 7);
        out[0] = v0 ^ v8;
        out[1] = v1 ^ v9;
        out[2] = v2 ^ v10;
        out[3] = v3 ^ v11;
        out[4] = v4 ^ v12;
        out[5] = v5 ^ v13;
        out[6] = v6 ^ v14;
        out[7] = v7 ^ v15;
        out[8] = v8 ^ h[0];
        out[9] = v9 ^ h[1];
        out[10] = v10 ^ h[2];
        out[11] = v11 ^ h[3];
        out[12] = v12 ^ h[4];
        out[13] = v13 ^ h[5];
        out[14] = v14 ^ h[6];
        out[15] = v15 ^ h[7];
    }
}
