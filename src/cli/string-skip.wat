;; Skips the valid contents of a JSON string, 64 bytes a step with SIMD: the HAR scan's hot loop on the
;; long strings (bodies) it leaves out, which it must still check as JSON.parse would. The bytes are at
;; [0, n) of the memory, with at least 64 bytes of room after them. Escapes are found the way simdjson
;; finds them (a backslash escapes the next byte unless it is itself escaped), all 64 at once, so a
;; body dense with backslashes (JS bundles) does not stop at each of them.
(module
  (memory (export "memory") 1)

  ;; From $i, inside a string and not inside an escape, to where the scan must look next: the first
  ;; closing quote, control byte, bad escape or \u escape (its backslash), else $n, or $n - 1 when the
  ;; last byte is a backslash that escapes a byte past $n. Everything before that is valid.
  (func (export "skip") (param $i i32) (param $n i32) (result i32)
    (local $b i32) (local $left i32) (local $carry i64) (local $live i64)
    (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $v3 v128)
    (local $q i64) (local $bs i64) (local $c i64)
    (local $potential i64) (local $t i64) (local $escaped i64) (local $escape i64)
    (local $stop i64) (local $bad i64) (local $at i32) (local $lo v128) (local $hi v128)
    ;; The bytes that may follow a backslash, other than "u" (" / \ b f n r t), by a nibble lookup: the
    ;; class bit of the high nibble (2x: 1, 5x: 2, 6x: 4, 7x: 8) must be in the low nibble's set
    ;; (2: 2x 6x 7x, 4: 7x, 6: 6x, C: 5x, E: 6x, F: 2x).
    (local.set $lo (v128.const i8x16 0 0 13 0 8 0 4 0 0 0 0 0 2 0 4 1))
    (local.set $hi (v128.const i8x16 0 0 1 0 0 2 4 8 0 0 0 0 0 0 0 0))
    (local.set $b (local.get $i))
    (loop $blocks
      (local.set $left (i32.sub (local.get $n) (local.get $b)))
      (if (i32.le_s (local.get $left) (i32.const 0))
        (then (return (i32.sub (local.get $b) (i32.wrap_i64 (local.get $carry))))))
      (local.set $v0 (v128.load (local.get $b)))
      (local.set $v1 (v128.load offset=16 (local.get $b)))
      (local.set $v2 (v128.load offset=32 (local.get $b)))
      (local.set $v3 (v128.load offset=48 (local.get $b)))
      (local.set $live (select (i64.const -1)
                               (i64.sub (i64.shl (i64.const 1) (i64.extend_i32_u (local.get $left))) (i64.const 1))
                               (i32.ge_u (local.get $left) (i32.const 64))))
      (local.set $q (i64.and (local.get $live) (i64.or
        (i64.or (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v0) (i8x16.splat (i32.const 0x22))))) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v1) (i8x16.splat (i32.const 0x22))))) (i64.const 16)))
        (i64.or (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v2) (i8x16.splat (i32.const 0x22))))) (i64.const 32)) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v3) (i8x16.splat (i32.const 0x22))))) (i64.const 48))))))
      (local.set $bs (i64.and (local.get $live) (i64.or
        (i64.or (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v0) (i8x16.splat (i32.const 0x5c))))) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v1) (i8x16.splat (i32.const 0x5c))))) (i64.const 16)))
        (i64.or (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v2) (i8x16.splat (i32.const 0x5c))))) (i64.const 32)) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v3) (i8x16.splat (i32.const 0x5c))))) (i64.const 48))))))
      (local.set $c (i64.and (local.get $live) (i64.or
        (i64.or (i64.extend_i32_u (i8x16.bitmask (i8x16.lt_u (local.get $v0) (i8x16.splat (i32.const 0x20))))) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.lt_u (local.get $v1) (i8x16.splat (i32.const 0x20))))) (i64.const 16)))
        (i64.or (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.lt_u (local.get $v2) (i8x16.splat (i32.const 0x20))))) (i64.const 32)) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.lt_u (local.get $v3) (i8x16.splat (i32.const 0x20))))) (i64.const 48))))))
      ;; q, bs, c: one bit per byte that is a quote, a backslash, a control byte.
      ;; escaped: bytes that follow an escaping backslash (bit 0 from the block before); escape: those backslashes.
      (local.set $potential (i64.and (local.get $bs) (i64.xor (local.get $carry) (i64.const -1))))
      (local.set $t (i64.xor
        (i64.sub (i64.or (i64.shl (local.get $potential) (i64.const 1)) (i64.const 0xAAAAAAAAAAAAAAAA)) (local.get $potential))
        (i64.const 0xAAAAAAAAAAAAAAAA)))
      (local.set $escaped (i64.and (local.get $live) (i64.xor (local.get $t) (i64.or (local.get $bs) (local.get $carry)))))
      (local.set $escape (i64.and (local.get $t) (local.get $bs)))
      (local.set $stop (i64.or (i64.and (local.get $q) (i64.xor (local.get $escaped) (i64.const -1))) (local.get $c)))
      (local.set $bad (i64.const 0))
      (if (i64.ne (local.get $escaped) (i64.const 0))
        (then
          (local.set $bad (i64.and (local.get $escaped) (i64.xor (i64.const -1) (i64.or
            (i64.or (i64.extend_i32_u (i8x16.bitmask (i8x16.ne (v128.and
              (i8x16.swizzle (local.get $lo) (v128.and (local.get $v0) (i8x16.splat (i32.const 0x0f))))
              (i8x16.swizzle (local.get $hi) (i8x16.shr_u (local.get $v0) (i32.const 4))))
            (v128.const i64x2 0 0)))) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.ne (v128.and
              (i8x16.swizzle (local.get $lo) (v128.and (local.get $v1) (i8x16.splat (i32.const 0x0f))))
              (i8x16.swizzle (local.get $hi) (i8x16.shr_u (local.get $v1) (i32.const 4))))
            (v128.const i64x2 0 0)))) (i64.const 16)))
            (i64.or (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.ne (v128.and
              (i8x16.swizzle (local.get $lo) (v128.and (local.get $v2) (i8x16.splat (i32.const 0x0f))))
              (i8x16.swizzle (local.get $hi) (i8x16.shr_u (local.get $v2) (i32.const 4))))
            (v128.const i64x2 0 0)))) (i64.const 32)) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.ne (v128.and
              (i8x16.swizzle (local.get $lo) (v128.and (local.get $v3) (i8x16.splat (i32.const 0x0f))))
              (i8x16.swizzle (local.get $hi) (i8x16.shr_u (local.get $v3) (i32.const 4))))
            (v128.const i64x2 0 0)))) (i64.const 48)))))))))
      (if (i64.ne (i64.or (local.get $stop) (local.get $bad)) (i64.const 0))
        (then
          ;; The stop is a byte itself, a bad escape is its backslash (one before its letter).
          (local.set $at (i32.wrap_i64 (i64.ctz (local.get $stop))))
          (if (i64.ne (local.get $bad) (i64.const 0))
            (then
              (if (i32.lt_s (i32.sub (i32.wrap_i64 (i64.ctz (local.get $bad))) (i32.const 1)) (local.get $at))
                (then (local.set $at (i32.sub (i32.wrap_i64 (i64.ctz (local.get $bad))) (i32.const 1)))))))
          (return (i32.add (local.get $b) (local.get $at)))))
      (if (i32.lt_u (local.get $left) (i32.const 64))
        (then (return (i32.sub (local.get $n)
          (i32.wrap_i64 (i64.and (i64.shr_u (local.get $escape) (i64.extend_i32_u (i32.sub (local.get $left) (i32.const 1)))) (i64.const 1)))))))
      (local.set $carry (i64.shr_u (local.get $escape) (i64.const 63)))
      (local.set $b (i32.add (local.get $b) (i32.const 64)))
      (br $blocks))
    (unreachable))
)
