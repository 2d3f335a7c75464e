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

// The same definition as `WordStarts` (Sources/InventaDetection/Engine/WordStarts.swift):
// a word character is an ASCII letter or digit, or a UTF-8 lead byte C3–F4 other than E2;
// a continuation byte (80–BF) keeps the state of the byte before it.
//
// For the 64 bytes at `bytes`: bit i of `*letters` is set when byte i is a word character,
// bit i of `*continuations` when it is a continuation byte.
static inline void inventa_classify64(const uint8_t *bytes, uint64_t *letters, uint64_t *continuations) {
#if defined(__SSE2__)
    uint64_t word = 0, continuation = 0;
    const __m128i fold = _mm_set1_epi8(0x20);
    const __m128i lowerA = _mm_set1_epi8(0x61), twentyFive = _mm_set1_epi8(25);
    const __m128i zero = _mm_set1_epi8(0x30), nine = _mm_set1_epi8(9);
    const __m128i leadC3 = _mm_set1_epi8((char)0xC3), leadSpan = _mm_set1_epi8(0xF4 - 0xC3);
    const __m128i e2 = _mm_set1_epi8((char)0xE2);
    const __m128i top2 = _mm_set1_epi8((char)0xC0), high = _mm_set1_epi8((char)0x80);
    for (int chunk = 0; chunk < 4; chunk++) {
        __m128i v = _mm_loadu_si128((const __m128i *)(bytes + 16 * chunk));
        // x ≤ limit, unsigned, as min(x, limit) == x.
        __m128i letter = _mm_sub_epi8(_mm_or_si128(v, fold), lowerA);
        letter = _mm_cmpeq_epi8(_mm_min_epu8(letter, twentyFive), letter);
        __m128i digit = _mm_sub_epi8(v, zero);
        digit = _mm_cmpeq_epi8(_mm_min_epu8(digit, nine), digit);
        __m128i lead = _mm_sub_epi8(v, leadC3);
        lead = _mm_andnot_si128(_mm_cmpeq_epi8(v, e2), _mm_cmpeq_epi8(_mm_min_epu8(lead, leadSpan), lead));
        __m128i cont = _mm_cmpeq_epi8(_mm_and_si128(v, top2), high);
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
    const __m128i zero = _mm_set1_epi8(0x30), nine = _mm_set1_epi8(9);
    for (int chunk = 0; chunk < 4; chunk++) {
        __m128i v = _mm_sub_epi8(_mm_loadu_si128((const __m128i *)(bytes + 16 * chunk)), zero);
        uint64_t d = (uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(v, nine), v));
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
