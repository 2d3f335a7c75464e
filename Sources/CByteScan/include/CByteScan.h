// Byte classification with SIMD instructions: the phrase sweep's word starts and the digit-run
// index's digits.
//
// Swift's SIMD types did not compile to vector instructions for this (measured: slower than
// eight-byte SWAR), so the one loop that reads every byte of every text unit is written here
// with SSE2 intrinsics, which every x86-64 CPU has. Other CPUs get a plain C loop with the
// same answers. Pure functions of their arguments; no state, no allocation.
#ifndef CBYTESCAN_H
#define CBYTESCAN_H

#include <stdint.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#if defined(__SSE2__)
// Bytes in [lo, hi] (unsigned) as 0xFF, others 0: `x - lo` falls in [0, hi - lo] exactly for
// them, and adding 0x80 turns that into a signed comparison (SSE2 has no unsigned one).
static inline __m128i inventa_in_range(__m128i v, uint8_t lo, uint8_t hi) {
    __m128i shifted = _mm_add_epi8(v, _mm_set1_epi8((char)(uint8_t)(0x80 - lo)));
    return _mm_cmplt_epi8(shifted, _mm_set1_epi8((char)(uint8_t)(0x80 + hi - lo + 1)));
}
#endif

// The same definition as `WordStarts` (Sources/InventaDetection/Engine/WordStarts.swift):
// a word character is an ASCII letter or digit, or a UTF-8 lead byte C3–F4 other than E2;
// a continuation byte (80–BF) keeps the state of the byte before it.
//
// For the 64 bytes at `bytes`: bit i of `*letters` is set when byte i is a word character,
// bit i of `*continuations` when it is a continuation byte.
static inline void inventa_classify64(const uint8_t *bytes, uint64_t *letters, uint64_t *continuations) {
#if defined(__SSE2__)
    uint64_t word = 0, continuation = 0;
    const __m128i fold = _mm_set1_epi8(0x20), e2 = _mm_set1_epi8((char)0xE2), c0 = _mm_set1_epi8((char)0xC0);
    for (int chunk = 0; chunk < 4; chunk++) {
        __m128i v = _mm_loadu_si128((const __m128i *)(bytes + 16 * chunk));
        __m128i letter = inventa_in_range(_mm_or_si128(v, fold), 0x61, 0x7A);
        __m128i digit = inventa_in_range(v, 0x30, 0x39);
        __m128i lead = _mm_andnot_si128(_mm_cmpeq_epi8(v, e2), inventa_in_range(v, 0xC3, 0xF4));
        // 80–BF are exactly the bytes below C0 as signed numbers.
        __m128i cont = _mm_cmplt_epi8(v, c0);
        uint64_t w = (uint16_t)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(letter, digit), lead));
        uint64_t c = (uint16_t)_mm_movemask_epi8(cont);
        word |= w << (16 * chunk);
        continuation |= c << (16 * chunk);
    }
    *letters = word;
    *continuations = continuation;
#else
    uint64_t word = 0, continuation = 0;
    for (int i = 0; i < 64; i++) {
        uint8_t b = bytes[i];
        int isWord = (uint8_t)((b | 0x20) - 0x61) < 26 || (uint8_t)(b - 0x30) < 10 || (b >= 0xC3 && b <= 0xF4 && b != 0xE2);
        if (isWord) word |= (uint64_t)1 << i;
        if ((b & 0xC0) == 0x80) continuation |= (uint64_t)1 << i;
    }
    *letters = word;
    *continuations = continuation;
#endif
}

// The word starts among the 64 bytes at `bytes` (bit i: byte i starts a word). `*carry` is 1
// when the byte before them (continuation bytes included) was part of a word, 0 otherwise; it
// is updated for the last of the 64.
static inline uint64_t inventa_word_starts64(const uint8_t *bytes, uint64_t *carry) {
    uint64_t letters, continuations;
    inventa_classify64(bytes, &letters, &continuations);
    uint64_t before = *carry;
    // A continuation byte takes the state of the byte before it: one step for two-byte
    // characters, a round per byte for longer runs (at most three in valid UTF-8).
    uint64_t state = letters | (continuations & ((letters << 1) | before));
    if (continuations & (continuations << 1)) {
        for (;;) {
            uint64_t next = letters | (continuations & ((state << 1) | before));
            if (next == state) break;
            state = next;
        }
    }
    *carry = state >> 63;
    return letters & ~((state << 1) | before);
}

// Bit i set when byte i of the 64 at `bytes` is an ASCII digit: the digit-run index's sweep.
static inline uint64_t inventa_digits64(const uint8_t *bytes) {
#if defined(__SSE2__)
    uint64_t digits = 0;
    for (int chunk = 0; chunk < 4; chunk++) {
        __m128i v = _mm_loadu_si128((const __m128i *)(bytes + 16 * chunk));
        uint64_t d = (uint16_t)_mm_movemask_epi8(inventa_in_range(v, 0x30, 0x39));
        digits |= d << (16 * chunk);
    }
    return digits;
#else
    uint64_t digits = 0;
    for (int i = 0; i < 64; i++) {
        if ((uint8_t)(bytes[i] - 0x30) < 10) digits |= (uint64_t)1 << i;
    }
    return digits;
#endif
}

#endif
