;; PDQ kernel (WebAssembly SIMD), hand-written. Compiled by scripts/wasm/build.mjs into
;; pdqKernel.generated.ts; the JS driver is ../pdqWasm.ts.
;;
;; Bit-exactness: WebAssembly f32 arithmetic is IEEE single precision, rounded after every
;; operation, and never fused. Every value below is computed with exactly the float32 operations of
;; pdqDownscale.ts / pdqDct.ts (and the C++ reference), in the same order; SIMD lanes only hold
;; *independent* sums (different rows or different columns), so vectorising changes no rounding.
;;   - luma: (f32(0.299)*R + f32(0.587)*G) + f32(0.114)*B, grey input as is;
;;   - box filter: a running float32 sum, entering value added before the leaving one subtracted,
;;     output sum / count with a true f32 division. Reading zeros outside the line instead of
;;     skipping the add or the subtract is exact (s + 0 = s, s - 0 = s; no -0 ever arises);
;;   - DCT: every dot product accumulates f32(d * a) with k ascending from 0;
;;   - quality: trunc(f32(f32(u - v) * 100) / 255) summed as integers.
;;
;; Traversal (cache-friendly, it changes no sum): blocks of 16 image rows (4 groups of 4 rows).
;;   luma    RGB bytes -> 4 rows x 4 pixels -> transposed, so one f32x4 holds 4 rows of a column
;;           ("T layout": line of a group = left zero pad of winX vectors, wp vectors, zero pad);
;;   pass 1  horizontal running sums, lanes = 4 rows, 2 groups interleaved (two latency chains),
;;           transposed back and written to a ring of full rows;
;;   pass 2  vertical running sums, lanes = 4 adjacent columns, 4 output rows per step, written
;;           transposed (T layout) for pass 3;
;;   pass 3  horizontal running sums again, only the 64 sampled columns are divided and kept
;;           (into the "narrow" buffer, 64 floats per row);
;;   pass 4  vertical running sums on the narrow buffer, only the 64 sampled rows are kept -> grid.
;;
;; Fixed memory layout (bytes):
;;       0  grid      64x64 f32 (output of downscale, input of dct/quality)
;;   16384  D         16x64 f32 DCT matrix, row-major (written by the driver)
;;   20480  D^T       64x16 f32 (written by the driver)
;;   24576  T         16x64 f32 (D . grid)
;;   28672  B         16x16 f32 (output of dct)
;;   29696  sample columns, 64 i32
;;   29952  sample rows, 64 i32
;;   32768  work area laid out by `layout` (image bytes last)

(module
  (memory (export "memory") 1)

  (global $w (mut i32) (i32.const 0))
  (global $h (mut i32) (i32.const 0))
  (global $ch (mut i32) (i32.const 0))
  (global $wp (mut i32) (i32.const 0))       ;; width rounded up to a multiple of 4
  (global $h16 (mut i32) (i32.const 0))      ;; height rounded up to a multiple of 16
  (global $winX (mut i32) (i32.const 0))
  (global $halfX (mut i32) (i32.const 0))
  (global $leadX (mut i32) (i32.const 0))
  (global $winY (mut i32) (i32.const 0))
  (global $halfY (mut i32) (i32.const 0))
  (global $leadY (mut i32) (i32.const 0))
  (global $lineB (mut i32) (i32.const 0))    ;; bytes of one T-layout line (one group of 4 rows)
  (global $rowB (mut i32) (i32.const 0))     ;; bytes of one full row (wp floats)
  (global $lag (mut i32) (i32.const 0))      ;; pass-2 blocks run this many blocks behind pass 1
  (global $ringRows (mut i32) (i32.const 0))
  (global $lumaT (mut i32) (i32.const 0))
  (global $p3in (mut i32) (i32.const 0))
  (global $divX (mut i32) (i32.const 0))     ;; per column: f32x4 splat of the window count
  (global $divY (mut i32) (i32.const 0))     ;; per row: same
  (global $sums (mut i32) (i32.const 0))
  (global $zero (mut i32) (i32.const 0))
  (global $ring (mut i32) (i32.const 0))
  (global $narrow (mut i32) (i32.const 0))
  (global $image (mut i32) (i32.const 0))

  ;; floor((i + 0.5) * n / 64) in double, as the reference.
  (func $samples (param $dst i32) (param $n i32)
    (local $i i32)
    (loop $l
      (i32.store
        (i32.add (local.get $dst) (i32.shl (local.get $i) (i32.const 2)))
        (i32.trunc_f64_s
          (f64.floor
            (f64.div
              (f64.mul
                (f64.add (f64.convert_i32_s (local.get $i)) (f64.const 0.5))
                (f64.convert_i32_s (local.get $n)))
              (f64.const 64)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 64)))))

  ;; Lays out the work area for a w x h x ch image; returns the bytes of memory needed.
  (func (export "layout") (param $w i32) (param $h i32) (param $ch i32) (result i32)
    (local $p i32)
    (global.set $w (local.get $w))
    (global.set $h (local.get $h))
    (global.set $ch (local.get $ch))
    (global.set $wp (i32.and (i32.add (local.get $w) (i32.const 3)) (i32.const -4)))
    (global.set $h16 (i32.and (i32.add (local.get $h) (i32.const 15)) (i32.const -16)))
    (global.set $winX (i32.div_u (i32.add (local.get $w) (i32.const 127)) (i32.const 128)))
    (global.set $halfX (i32.shr_u (i32.add (global.get $winX) (i32.const 2)) (i32.const 1)))
    (global.set $leadX (i32.sub (global.get $winX) (global.get $halfX)))
    (global.set $winY (i32.div_u (i32.add (local.get $h) (i32.const 127)) (i32.const 128)))
    (global.set $halfY (i32.shr_u (i32.add (global.get $winY) (i32.const 2)) (i32.const 1)))
    (global.set $leadY (i32.sub (global.get $winY) (global.get $halfY)))
    ;; left pad winX vectors (leaving index >= -winX), right pad up to index wp + halfX + 2
    (global.set $lineB
      (i32.shl
        (i32.add (i32.add (global.get $winX) (global.get $wp)) (i32.add (global.get $halfX) (i32.const 4)))
        (i32.const 4)))
    (global.set $rowB (i32.shl (global.get $wp) (i32.const 2)))
    ;; ceil((halfY - 1) / 16)
    (global.set $lag (i32.shr_u (i32.add (global.get $halfY) (i32.const 14)) (i32.const 4)))
    ;; rows 16*(b - lag) - leadY - 1 .. 16*b + 15 must coexist: round up to whole blocks
    (global.set $ringRows
      (i32.and
        (i32.add
          (i32.shl (i32.add (global.get $lag) (i32.const 1)) (i32.const 4))
          (i32.add (global.get $leadY) (i32.const 16)))
        (i32.const -16)))
    (local.set $p (i32.const 32768))
    (global.set $lumaT (local.get $p))
    (local.set $p (i32.add (local.get $p) (i32.shl (global.get $lineB) (i32.const 2))))
    (global.set $p3in (local.get $p))
    (local.set $p (i32.add (local.get $p) (i32.shl (global.get $lineB) (i32.const 2))))
    (global.set $divX (local.get $p))
    (local.set $p (i32.add (local.get $p) (i32.shl (global.get $wp) (i32.const 4))))
    (global.set $divY (local.get $p))
    (local.set $p (i32.add (local.get $p) (i32.shl (global.get $h16) (i32.const 4))))
    (global.set $sums (local.get $p))
    (local.set $p (i32.add (local.get $p) (global.get $rowB)))
    (global.set $zero (local.get $p))
    (local.set $p (i32.add (local.get $p) (global.get $rowB)))
    (global.set $ring (local.get $p))
    (local.set $p (i32.add (local.get $p) (i32.mul (global.get $ringRows) (global.get $rowB))))
    (global.set $narrow (local.get $p))
    (local.set $p
      (i32.add (local.get $p)
        (i32.shl
          (i32.add (i32.add (global.get $winY) (global.get $h16)) (global.get $halfY))
          (i32.const 8))))
    (global.set $image (local.get $p))
    (local.set $p
      (i32.add (local.get $p)
        (i32.add (i32.mul (i32.mul (local.get $w) (local.get $h)) (local.get $ch)) (i32.const 64))))
    (call $samples (i32.const 29696) (local.get $w))
    (call $samples (i32.const 29952) (local.get $h))
    (local.get $p))

  ;; Where the driver copies the pixel bytes (valid after `layout`).
  (func (export "image") (result i32) (global.get $image))

  ;; dst[i] = splat(count of the clipped window of output i) for i < n, +inf for n <= i < len
  ;; (so padding outputs divide to zero).
  (func $divTable (param $dst i32) (param $n i32) (param $half i32) (param $lead i32) (param $len i32)
    (local $i i32) (local $hi i32) (local $lo i32)
    (block $done
      (loop $l
        (br_if $done (i32.ge_s (local.get $i) (local.get $len)))
        (local.set $hi (i32.add (local.get $i) (i32.sub (local.get $half) (i32.const 1))))
        (if (i32.gt_s (local.get $hi) (i32.sub (local.get $n) (i32.const 1)))
          (then (local.set $hi (i32.sub (local.get $n) (i32.const 1)))))
        (local.set $lo (i32.sub (local.get $i) (local.get $lead)))
        (if (i32.lt_s (local.get $lo) (i32.const 0))
          (then (local.set $lo (i32.const 0))))
        (v128.store
          (i32.add (local.get $dst) (i32.shl (local.get $i) (i32.const 4)))
          (f32x4.splat
            (select
              (f32.convert_i32_s (i32.add (i32.sub (local.get $hi) (local.get $lo)) (i32.const 1)))
              (f32.const inf)
              (i32.lt_s (local.get $i) (local.get $n)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $l))))

  ;; Address of full row r in the ring, or of the zero row when r is outside the image.
  (func $ringRow (param $r i32) (result i32)
    (if (result i32)
      (i32.and (i32.ge_s (local.get $r) (i32.const 0)) (i32.lt_s (local.get $r) (global.get $h)))
      (then
        (i32.add (global.get $ring)
          (i32.mul (i32.rem_u (local.get $r) (global.get $ringRows)) (global.get $rowB))))
      (else (global.get $zero))))

  ;; Luma of block b (rows 16b .. 16b+15, clamped to the last row) into lumaT, transposed.
  (func $luma (param $b i32)
    (local $g i32) (local $r i32) (local $stride i32)
    (local $pa i32) (local $pb i32) (local $pc i32) (local $pd i32)
    (local $dst i32) (local $end i32) (local $x i32)
    (local $va v128) (local $vb v128) (local $vc v128) (local $vd v128)
    (local $t0 v128) (local $t1 v128) (local $t2 v128) (local $t3 v128)
    (local $wr v128) (local $wg v128) (local $wb v128)
    (local.set $wr (f32x4.splat (f32.const 0.299)))
    (local.set $wg (f32x4.splat (f32.const 0.587)))
    (local.set $wb (f32x4.splat (f32.const 0.114)))
    (local.set $stride (i32.mul (global.get $w) (global.get $ch)))
    (loop $groups
      (local.set $r (i32.add (i32.shl (local.get $b) (i32.const 4)) (i32.shl (local.get $g) (i32.const 2))))
      (local.set $pa
        (i32.add (global.get $image)
          (i32.mul (local.get $stride)
            (select (local.get $r) (i32.sub (global.get $h) (i32.const 1))
              (i32.lt_s (local.get $r) (global.get $h))))))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (local.set $pb
        (i32.add (global.get $image)
          (i32.mul (local.get $stride)
            (select (local.get $r) (i32.sub (global.get $h) (i32.const 1))
              (i32.lt_s (local.get $r) (global.get $h))))))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (local.set $pc
        (i32.add (global.get $image)
          (i32.mul (local.get $stride)
            (select (local.get $r) (i32.sub (global.get $h) (i32.const 1))
              (i32.lt_s (local.get $r) (global.get $h))))))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (local.set $pd
        (i32.add (global.get $image)
          (i32.mul (local.get $stride)
            (select (local.get $r) (i32.sub (global.get $h) (i32.const 1))
              (i32.lt_s (local.get $r) (global.get $h))))))
      (local.set $dst
        (i32.add (global.get $lumaT)
          (i32.add (i32.mul (local.get $g) (global.get $lineB)) (i32.shl (global.get $winX) (i32.const 4)))))
      (local.set $end (i32.add (local.get $dst) (i32.shl (global.get $wp) (i32.const 4))))

      (if (i32.eq (global.get $ch) (i32.const 3))
        (then
          (loop $px
            ;; bytes R G B R G B ... : R at 0,3,6,9; G at 1,4,7,10; B at 2,5,8,11 (the load reads
            ;; 4 spare bytes; the driver pads the image)
            (local.set $t0 (v128.load (local.get $pa)))
            (local.set $va
              (f32x4.add
                (f32x4.add
                  (f32x4.mul (local.get $wr) (f32x4.convert_i32x4_s (i8x16.swizzle (local.get $t0)
                    (v128.const i8x16 0 128 128 128 3 128 128 128 6 128 128 128 9 128 128 128))))
                  (f32x4.mul (local.get $wg) (f32x4.convert_i32x4_s (i8x16.swizzle (local.get $t0)
                    (v128.const i8x16 1 128 128 128 4 128 128 128 7 128 128 128 10 128 128 128)))))
                (f32x4.mul (local.get $wb) (f32x4.convert_i32x4_s (i8x16.swizzle (local.get $t0)
                  (v128.const i8x16 2 128 128 128 5 128 128 128 8 128 128 128 11 128 128 128))))))
            (local.set $t0 (v128.load (local.get $pb)))
            (local.set $vb
              (f32x4.add
                (f32x4.add
                  (f32x4.mul (local.get $wr) (f32x4.convert_i32x4_s (i8x16.swizzle (local.get $t0)
                    (v128.const i8x16 0 128 128 128 3 128 128 128 6 128 128 128 9 128 128 128))))
                  (f32x4.mul (local.get $wg) (f32x4.convert_i32x4_s (i8x16.swizzle (local.get $t0)
                    (v128.const i8x16 1 128 128 128 4 128 128 128 7 128 128 128 10 128 128 128)))))
                (f32x4.mul (local.get $wb) (f32x4.convert_i32x4_s (i8x16.swizzle (local.get $t0)
                  (v128.const i8x16 2 128 128 128 5 128 128 128 8 128 128 128 11 128 128 128))))))
            (local.set $t0 (v128.load (local.get $pc)))
            (local.set $vc
              (f32x4.add
                (f32x4.add
                  (f32x4.mul (local.get $wr) (f32x4.convert_i32x4_s (i8x16.swizzle (local.get $t0)
                    (v128.const i8x16 0 128 128 128 3 128 128 128 6 128 128 128 9 128 128 128))))
                  (f32x4.mul (local.get $wg) (f32x4.convert_i32x4_s (i8x16.swizzle (local.get $t0)
                    (v128.const i8x16 1 128 128 128 4 128 128 128 7 128 128 128 10 128 128 128)))))
                (f32x4.mul (local.get $wb) (f32x4.convert_i32x4_s (i8x16.swizzle (local.get $t0)
                  (v128.const i8x16 2 128 128 128 5 128 128 128 8 128 128 128 11 128 128 128))))))
            (local.set $t0 (v128.load (local.get $pd)))
            (local.set $vd
              (f32x4.add
                (f32x4.add
                  (f32x4.mul (local.get $wr) (f32x4.convert_i32x4_s (i8x16.swizzle (local.get $t0)
                    (v128.const i8x16 0 128 128 128 3 128 128 128 6 128 128 128 9 128 128 128))))
                  (f32x4.mul (local.get $wg) (f32x4.convert_i32x4_s (i8x16.swizzle (local.get $t0)
                    (v128.const i8x16 1 128 128 128 4 128 128 128 7 128 128 128 10 128 128 128)))))
                (f32x4.mul (local.get $wb) (f32x4.convert_i32x4_s (i8x16.swizzle (local.get $t0)
                  (v128.const i8x16 2 128 128 128 5 128 128 128 8 128 128 128 11 128 128 128))))))
            ;; 4x4 transpose: rows a..d of 4 pixels -> 4 columns of 4 rows
            (local.set $t0 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $va) (local.get $vb)))
            (local.set $t1 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $va) (local.get $vb)))
            (local.set $t2 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $vc) (local.get $vd)))
            (local.set $t3 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $vc) (local.get $vd)))
            (v128.store (local.get $dst)
              (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $t2)))
            (v128.store offset=16 (local.get $dst)
              (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $t2)))
            (v128.store offset=32 (local.get $dst)
              (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t1) (local.get $t3)))
            (v128.store offset=48 (local.get $dst)
              (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t1) (local.get $t3)))
            (local.set $pa (i32.add (local.get $pa) (i32.const 12)))
            (local.set $pb (i32.add (local.get $pb) (i32.const 12)))
            (local.set $pc (i32.add (local.get $pc) (i32.const 12)))
            (local.set $pd (i32.add (local.get $pd) (i32.const 12)))
            (local.set $dst (i32.add (local.get $dst) (i32.const 64)))
            (br_if $px (i32.lt_u (local.get $dst) (local.get $end)))))
        (else
          (if (i32.eq (global.get $ch) (i32.const 4))
            (then
              (loop $px
                ;; bytes R G B A ...: alpha is ignored
                (local.set $t0 (v128.load (local.get $pa)))
                (local.set $va
                  (f32x4.add
                    (f32x4.add
                      (f32x4.mul (local.get $wr) (f32x4.convert_i32x4_s (i8x16.swizzle (local.get $t0)
                        (v128.const i8x16 0 128 128 128 4 128 128 128 8 128 128 128 12 128 128 128))))
                      (f32x4.mul (local.get $wg) (f32x4.convert_i32x4_s (i8x16.swizzle (local.get $t0)
                        (v128.const i8x16 1 128 128 128 5 128 128 128 9 128 128 128 13 128 128 128)))))
                    (f32x4.mul (local.get $wb) (f32x4.convert_i32x4_s (i8x16.swizzle (local.get $t0)
                      (v128.const i8x16 2 128 128 128 6 128 128 128 10 128 128 128 14 128 128 128))))))
                (local.set $t0 (v128.load (local.get $pb)))
                (local.set $vb
                  (f32x4.add
                    (f32x4.add
                      (f32x4.mul (local.get $wr) (f32x4.convert_i32x4_s (i8x16.swizzle (local.get $t0)
                        (v128.const i8x16 0 128 128 128 4 128 128 128 8 128 128 128 12 128 128 128))))
                      (f32x4.mul (local.get $wg) (f32x4.convert_i32x4_s (i8x16.swizzle (local.get $t0)
                        (v128.const i8x16 1 128 128 128 5 128 128 128 9 128 128 128 13 128 128 128)))))
                    (f32x4.mul (local.get $wb) (f32x4.convert_i32x4_s (i8x16.swizzle (local.get $t0)
                      (v128.const i8x16 2 128 128 128 6 128 128 128 10 128 128 128 14 128 128 128))))))
                (local.set $t0 (v128.load (local.get $pc)))
                (local.set $vc
                  (f32x4.add
                    (f32x4.add
                      (f32x4.mul (local.get $wr) (f32x4.convert_i32x4_s (i8x16.swizzle (local.get $t0)
                        (v128.const i8x16 0 128 128 128 4 128 128 128 8 128 128 128 12 128 128 128))))
                      (f32x4.mul (local.get $wg) (f32x4.convert_i32x4_s (i8x16.swizzle (local.get $t0)
                        (v128.const i8x16 1 128 128 128 5 128 128 128 9 128 128 128 13 128 128 128)))))
                    (f32x4.mul (local.get $wb) (f32x4.convert_i32x4_s (i8x16.swizzle (local.get $t0)
                      (v128.const i8x16 2 128 128 128 6 128 128 128 10 128 128 128 14 128 128 128))))))
                (local.set $t0 (v128.load (local.get $pd)))
                (local.set $vd
                  (f32x4.add
                    (f32x4.add
                      (f32x4.mul (local.get $wr) (f32x4.convert_i32x4_s (i8x16.swizzle (local.get $t0)
                        (v128.const i8x16 0 128 128 128 4 128 128 128 8 128 128 128 12 128 128 128))))
                      (f32x4.mul (local.get $wg) (f32x4.convert_i32x4_s (i8x16.swizzle (local.get $t0)
                        (v128.const i8x16 1 128 128 128 5 128 128 128 9 128 128 128 13 128 128 128)))))
                    (f32x4.mul (local.get $wb) (f32x4.convert_i32x4_s (i8x16.swizzle (local.get $t0)
                      (v128.const i8x16 2 128 128 128 6 128 128 128 10 128 128 128 14 128 128 128))))))
                (local.set $t0 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $va) (local.get $vb)))
                (local.set $t1 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $va) (local.get $vb)))
                (local.set $t2 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $vc) (local.get $vd)))
                (local.set $t3 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $vc) (local.get $vd)))
                (v128.store (local.get $dst)
                  (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $t2)))
                (v128.store offset=16 (local.get $dst)
                  (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $t2)))
                (v128.store offset=32 (local.get $dst)
                  (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t1) (local.get $t3)))
                (v128.store offset=48 (local.get $dst)
                  (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t1) (local.get $t3)))
                (local.set $pa (i32.add (local.get $pa) (i32.const 16)))
                (local.set $pb (i32.add (local.get $pb) (i32.const 16)))
                (local.set $pc (i32.add (local.get $pc) (i32.const 16)))
                (local.set $pd (i32.add (local.get $pd) (i32.const 16)))
                (local.set $dst (i32.add (local.get $dst) (i32.const 64)))
                (br_if $px (i32.lt_u (local.get $dst) (local.get $end)))))
            (else
              ;; grey: Y = value
              (loop $px
                (local.set $va (f32x4.convert_i32x4_s (i32x4.extend_low_i16x8_u (v128.load8x8_u (local.get $pa)))))
                (local.set $vb (f32x4.convert_i32x4_s (i32x4.extend_low_i16x8_u (v128.load8x8_u (local.get $pb)))))
                (local.set $vc (f32x4.convert_i32x4_s (i32x4.extend_low_i16x8_u (v128.load8x8_u (local.get $pc)))))
                (local.set $vd (f32x4.convert_i32x4_s (i32x4.extend_low_i16x8_u (v128.load8x8_u (local.get $pd)))))
                (local.set $t0 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $va) (local.get $vb)))
                (local.set $t1 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $va) (local.get $vb)))
                (local.set $t2 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $vc) (local.get $vd)))
                (local.set $t3 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $vc) (local.get $vd)))
                (v128.store (local.get $dst)
                  (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $t2)))
                (v128.store offset=16 (local.get $dst)
                  (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $t2)))
                (v128.store offset=32 (local.get $dst)
                  (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t1) (local.get $t3)))
                (v128.store offset=48 (local.get $dst)
                  (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t1) (local.get $t3)))
                (local.set $pa (i32.add (local.get $pa) (i32.const 4)))
                (local.set $pb (i32.add (local.get $pb) (i32.const 4)))
                (local.set $pc (i32.add (local.get $pc) (i32.const 4)))
                (local.set $pd (i32.add (local.get $pd) (i32.const 4)))
                (local.set $dst (i32.add (local.get $dst) (i32.const 64)))
                (br_if $px (i32.lt_u (local.get $dst) (local.get $end))))))))

      ;; columns w .. wp-1 are zeros (the right padding of the line)
      (local.set $x (global.get $w))
      (block $done
        (loop $pad
          (br_if $done (i32.ge_u (local.get $x) (global.get $wp)))
          (v128.store
            (i32.add (global.get $lumaT)
              (i32.add (i32.mul (local.get $g) (global.get $lineB))
                (i32.shl (i32.add (global.get $winX) (local.get $x)) (i32.const 4))))
            (v128.const i32x4 0 0 0 0))
          (local.set $x (i32.add (local.get $x) (i32.const 1)))
          (br $pad)))
      (local.set $g (i32.add (local.get $g) (i32.const 1)))
      (br_if $groups (i32.lt_u (local.get $g) (i32.const 4)))))

  ;; Pass 1 of block b: horizontal box filter of the 16 luma rows (T layout), two groups of 4 rows
  ;; at a time; outputs transposed back into the ring rows of the block.
  (func $pass1 (param $b i32)
    (local $g i32) (local $k i32) (local $srcA i32) (local $srcB i32)
    (local $peA i32) (local $plA i32) (local $peB i32) (local $plB i32)
    (local $dv i32) (local $outA i32) (local $outB i32) (local $end i32)
    (local $r1 i32) (local $r2 i32) (local $r3 i32)
    (local $sA v128) (local $sB v128) (local $d v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $b0 v128) (local $b1 v128) (local $b2 v128) (local $b3 v128)
    (local $t0 v128) (local $t1 v128) (local $t2 v128) (local $t3 v128)
    (local.set $r1 (global.get $rowB))
    (local.set $r2 (i32.shl (global.get $rowB) (i32.const 1)))
    (local.set $r3 (i32.mul (global.get $rowB) (i32.const 3)))
    (loop $groups
      (local.set $srcA
        (i32.add (global.get $lumaT)
          (i32.add (i32.mul (local.get $g) (global.get $lineB)) (i32.shl (global.get $winX) (i32.const 4)))))
      (local.set $srcB (i32.add (local.get $srcA) (global.get $lineB)))
      (local.set $sA (v128.const i32x4 0 0 0 0))
      (local.set $sB (v128.const i32x4 0 0 0 0))
      (local.set $k (i32.const 0))
      (block $filled
        (loop $fill
          (br_if $filled (i32.ge_s (local.get $k) (i32.sub (global.get $halfX) (i32.const 1))))
          (local.set $sA (f32x4.add (local.get $sA)
            (v128.load (i32.add (local.get $srcA) (i32.shl (local.get $k) (i32.const 4))))))
          (local.set $sB (f32x4.add (local.get $sB)
            (v128.load (i32.add (local.get $srcB) (i32.shl (local.get $k) (i32.const 4))))))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (br $fill)))
      (local.set $peA (i32.add (local.get $srcA) (i32.shl (i32.sub (global.get $halfX) (i32.const 1)) (i32.const 4))))
      (local.set $plA (i32.sub (local.get $srcA) (i32.shl (i32.add (global.get $leadX) (i32.const 1)) (i32.const 4))))
      (local.set $peB (i32.add (local.get $peA) (global.get $lineB)))
      (local.set $plB (i32.add (local.get $plA) (global.get $lineB)))
      (local.set $dv (global.get $divX))
      (local.set $outA
        (i32.add (global.get $ring)
          (i32.mul
            (i32.add
              (i32.rem_u (i32.shl (local.get $b) (i32.const 4)) (global.get $ringRows))
              (i32.shl (local.get $g) (i32.const 2)))
            (global.get $rowB))))
      (local.set $outB (i32.add (local.get $outA) (i32.shl (global.get $rowB) (i32.const 2))))
      (local.set $end (i32.add (local.get $outA) (global.get $rowB)))
      (loop $x
        (local.set $d (v128.load (local.get $dv)))
        (local.set $sA (f32x4.sub (f32x4.add (local.get $sA) (v128.load (local.get $peA))) (v128.load (local.get $plA))))
        (local.set $sB (f32x4.sub (f32x4.add (local.get $sB) (v128.load (local.get $peB))) (v128.load (local.get $plB))))
        (local.set $a0 (f32x4.div (local.get $sA) (local.get $d)))
        (local.set $b0 (f32x4.div (local.get $sB) (local.get $d)))
        (local.set $d (v128.load offset=16 (local.get $dv)))
        (local.set $sA (f32x4.sub (f32x4.add (local.get $sA) (v128.load offset=16 (local.get $peA))) (v128.load offset=16 (local.get $plA))))
        (local.set $sB (f32x4.sub (f32x4.add (local.get $sB) (v128.load offset=16 (local.get $peB))) (v128.load offset=16 (local.get $plB))))
        (local.set $a1 (f32x4.div (local.get $sA) (local.get $d)))
        (local.set $b1 (f32x4.div (local.get $sB) (local.get $d)))
        (local.set $d (v128.load offset=32 (local.get $dv)))
        (local.set $sA (f32x4.sub (f32x4.add (local.get $sA) (v128.load offset=32 (local.get $peA))) (v128.load offset=32 (local.get $plA))))
        (local.set $sB (f32x4.sub (f32x4.add (local.get $sB) (v128.load offset=32 (local.get $peB))) (v128.load offset=32 (local.get $plB))))
        (local.set $a2 (f32x4.div (local.get $sA) (local.get $d)))
        (local.set $b2 (f32x4.div (local.get $sB) (local.get $d)))
        (local.set $d (v128.load offset=48 (local.get $dv)))
        (local.set $sA (f32x4.sub (f32x4.add (local.get $sA) (v128.load offset=48 (local.get $peA))) (v128.load offset=48 (local.get $plA))))
        (local.set $sB (f32x4.sub (f32x4.add (local.get $sB) (v128.load offset=48 (local.get $peB))) (v128.load offset=48 (local.get $plB))))
        (local.set $a3 (f32x4.div (local.get $sA) (local.get $d)))
        (local.set $b3 (f32x4.div (local.get $sB) (local.get $d)))
        ;; a_k holds column x+k of rows 0..3: transpose to rows 0..3 of columns x..x+3
        (local.set $t0 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $a0) (local.get $a1)))
        (local.set $t1 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $a0) (local.get $a1)))
        (local.set $t2 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $a2) (local.get $a3)))
        (local.set $t3 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $a2) (local.get $a3)))
        (v128.store (local.get $outA)
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $t2)))
        (v128.store (i32.add (local.get $outA) (local.get $r1))
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $t2)))
        (v128.store (i32.add (local.get $outA) (local.get $r2))
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t1) (local.get $t3)))
        (v128.store (i32.add (local.get $outA) (local.get $r3))
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t1) (local.get $t3)))
        (local.set $t0 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $b0) (local.get $b1)))
        (local.set $t1 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $b0) (local.get $b1)))
        (local.set $t2 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $b2) (local.get $b3)))
        (local.set $t3 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $b2) (local.get $b3)))
        (v128.store (local.get $outB)
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $t2)))
        (v128.store (i32.add (local.get $outB) (local.get $r1))
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $t2)))
        (v128.store (i32.add (local.get $outB) (local.get $r2))
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t1) (local.get $t3)))
        (v128.store (i32.add (local.get $outB) (local.get $r3))
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t1) (local.get $t3)))
        (local.set $peA (i32.add (local.get $peA) (i32.const 64)))
        (local.set $plA (i32.add (local.get $plA) (i32.const 64)))
        (local.set $peB (i32.add (local.get $peB) (i32.const 64)))
        (local.set $plB (i32.add (local.get $plB) (i32.const 64)))
        (local.set $dv (i32.add (local.get $dv) (i32.const 64)))
        (local.set $outA (i32.add (local.get $outA) (i32.const 16)))
        (local.set $outB (i32.add (local.get $outB) (i32.const 16)))
        (br_if $x (i32.lt_u (local.get $outA) (local.get $end))))
      (local.set $g (i32.add (local.get $g) (i32.const 2)))
      (br_if $groups (i32.lt_u (local.get $g) (i32.const 4)))))

  ;; Pass 2 for output rows 16b .. 16b+15: vertical box filter on the ring (one running sum per
  ;; column, kept in $sums between blocks), written transposed into p3in.
  (func $pass2 (param $b i32)
    (local $g i32) (local $i i32) (local $r i32) (local $p i32) (local $xo i32) (local $dst i32)
    (local $e0 i32) (local $e1 i32) (local $e2 i32) (local $e3 i32)
    (local $l0 i32) (local $l1 i32) (local $l2 i32) (local $l3 i32)
    (local $d0 v128) (local $d1 v128) (local $d2 v128) (local $d3 v128)
    (local $s v128)
    (local $o0 v128) (local $o1 v128) (local $o2 v128) (local $o3 v128)
    (local $t0 v128) (local $t1 v128) (local $t2 v128) (local $t3 v128)
    (if (i32.eqz (local.get $b))
      (then
        ;; rows 0 .. halfY-2 enter before output row 0
        (block $filled
          (loop $fill
            (br_if $filled (i32.ge_s (local.get $r) (i32.sub (global.get $halfY) (i32.const 1))))
            (local.set $p (call $ringRow (local.get $r)))
            (local.set $xo (i32.const 0))
            (loop $fx
              (v128.store (i32.add (global.get $sums) (local.get $xo))
                (f32x4.add
                  (v128.load (i32.add (global.get $sums) (local.get $xo)))
                  (v128.load (i32.add (local.get $p) (local.get $xo)))))
              (local.set $xo (i32.add (local.get $xo) (i32.const 16)))
              (br_if $fx (i32.lt_u (local.get $xo) (global.get $rowB))))
            (local.set $r (i32.add (local.get $r) (i32.const 1)))
            (br $fill)))))
    (loop $groups
      (local.set $i (i32.add (i32.shl (local.get $b) (i32.const 4)) (i32.shl (local.get $g) (i32.const 2))))
      (local.set $r (i32.add (local.get $i) (i32.sub (global.get $halfY) (i32.const 1))))
      (local.set $e0 (call $ringRow (local.get $r)))
      (local.set $e1 (call $ringRow (i32.add (local.get $r) (i32.const 1))))
      (local.set $e2 (call $ringRow (i32.add (local.get $r) (i32.const 2))))
      (local.set $e3 (call $ringRow (i32.add (local.get $r) (i32.const 3))))
      (local.set $r (i32.sub (local.get $i) (i32.add (global.get $leadY) (i32.const 1))))
      (local.set $l0 (call $ringRow (local.get $r)))
      (local.set $l1 (call $ringRow (i32.add (local.get $r) (i32.const 1))))
      (local.set $l2 (call $ringRow (i32.add (local.get $r) (i32.const 2))))
      (local.set $l3 (call $ringRow (i32.add (local.get $r) (i32.const 3))))
      (local.set $p (i32.add (global.get $divY) (i32.shl (local.get $i) (i32.const 4))))
      (local.set $d0 (v128.load (local.get $p)))
      (local.set $d1 (v128.load offset=16 (local.get $p)))
      (local.set $d2 (v128.load offset=32 (local.get $p)))
      (local.set $d3 (v128.load offset=48 (local.get $p)))
      (local.set $dst
        (i32.add (global.get $p3in)
          (i32.add (i32.mul (local.get $g) (global.get $lineB)) (i32.shl (global.get $winX) (i32.const 4)))))
      (local.set $xo (i32.const 0))
      (loop $x
        (local.set $p (i32.add (global.get $sums) (local.get $xo)))
        (local.set $s (v128.load (local.get $p)))
        (local.set $s (f32x4.sub
          (f32x4.add (local.get $s) (v128.load (i32.add (local.get $e0) (local.get $xo))))
          (v128.load (i32.add (local.get $l0) (local.get $xo)))))
        (local.set $o0 (f32x4.div (local.get $s) (local.get $d0)))
        (local.set $s (f32x4.sub
          (f32x4.add (local.get $s) (v128.load (i32.add (local.get $e1) (local.get $xo))))
          (v128.load (i32.add (local.get $l1) (local.get $xo)))))
        (local.set $o1 (f32x4.div (local.get $s) (local.get $d1)))
        (local.set $s (f32x4.sub
          (f32x4.add (local.get $s) (v128.load (i32.add (local.get $e2) (local.get $xo))))
          (v128.load (i32.add (local.get $l2) (local.get $xo)))))
        (local.set $o2 (f32x4.div (local.get $s) (local.get $d2)))
        (local.set $s (f32x4.sub
          (f32x4.add (local.get $s) (v128.load (i32.add (local.get $e3) (local.get $xo))))
          (v128.load (i32.add (local.get $l3) (local.get $xo)))))
        (local.set $o3 (f32x4.div (local.get $s) (local.get $d3)))
        (v128.store (local.get $p) (local.get $s))
        ;; o_k holds row k of columns x..x+3: transpose to columns x..x+3 of rows 0..3
        (local.set $t0 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $o0) (local.get $o1)))
        (local.set $t1 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $o0) (local.get $o1)))
        (local.set $t2 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $o2) (local.get $o3)))
        (local.set $t3 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $o2) (local.get $o3)))
        (local.set $p (i32.add (local.get $dst) (i32.shl (local.get $xo) (i32.const 2))))
        (v128.store (local.get $p)
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $t2)))
        (v128.store offset=16 (local.get $p)
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $t2)))
        (v128.store offset=32 (local.get $p)
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t1) (local.get $t3)))
        (v128.store offset=48 (local.get $p)
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t1) (local.get $t3)))
        (local.set $xo (i32.add (local.get $xo) (i32.const 16)))
        (br_if $x (i32.lt_u (local.get $xo) (global.get $rowB))))
      (local.set $g (i32.add (local.get $g) (i32.const 1)))
      (br_if $groups (i32.lt_u (local.get $g) (i32.const 4)))))

  ;; Pass 3 for rows 16b .. 16b+15: horizontal box filter on p3in, two groups at a time; only the
  ;; 64 sampled columns are divided and stored (narrow row y, column j).
  (func $pass3 (param $b i32)
    (local $g i32) (local $k i32) (local $srcA i32) (local $srcB i32)
    (local $peA i32) (local $plA i32) (local $peB i32) (local $plB i32)
    (local $i i32) (local $j i32) (local $t i32) (local $out i32) (local $p i32)
    (local $sA v128) (local $sB v128) (local $d v128) (local $oA v128) (local $oB v128)
    (loop $groups
      (local.set $srcA
        (i32.add (global.get $p3in)
          (i32.add (i32.mul (local.get $g) (global.get $lineB)) (i32.shl (global.get $winX) (i32.const 4)))))
      (local.set $srcB (i32.add (local.get $srcA) (global.get $lineB)))
      (local.set $sA (v128.const i32x4 0 0 0 0))
      (local.set $sB (v128.const i32x4 0 0 0 0))
      (local.set $k (i32.const 0))
      (block $filled
        (loop $fill
          (br_if $filled (i32.ge_s (local.get $k) (i32.sub (global.get $halfX) (i32.const 1))))
          (local.set $sA (f32x4.add (local.get $sA)
            (v128.load (i32.add (local.get $srcA) (i32.shl (local.get $k) (i32.const 4))))))
          (local.set $sB (f32x4.add (local.get $sB)
            (v128.load (i32.add (local.get $srcB) (i32.shl (local.get $k) (i32.const 4))))))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (br $fill)))
      (local.set $peA (i32.add (local.get $srcA) (i32.shl (i32.sub (global.get $halfX) (i32.const 1)) (i32.const 4))))
      (local.set $plA (i32.sub (local.get $srcA) (i32.shl (i32.add (global.get $leadX) (i32.const 1)) (i32.const 4))))
      (local.set $peB (i32.add (local.get $peA) (global.get $lineB)))
      (local.set $plB (i32.add (local.get $plA) (global.get $lineB)))
      (local.set $out
        (i32.add (global.get $narrow)
          (i32.shl
            (i32.add (global.get $winY)
              (i32.add (i32.shl (local.get $b) (i32.const 4)) (i32.shl (local.get $g) (i32.const 2))))
            (i32.const 8))))
      (local.set $i (i32.const 0))
      (local.set $j (i32.const 0))
      (loop $samples
        (local.set $t (i32.load (i32.add (i32.const 29696) (i32.shl (local.get $j) (i32.const 2)))))
        (block $reached
          (loop $step
            (br_if $reached (i32.gt_s (local.get $i) (local.get $t)))
            (local.set $sA (f32x4.sub (f32x4.add (local.get $sA) (v128.load (local.get $peA))) (v128.load (local.get $plA))))
            (local.set $sB (f32x4.sub (f32x4.add (local.get $sB) (v128.load (local.get $peB))) (v128.load (local.get $plB))))
            (local.set $peA (i32.add (local.get $peA) (i32.const 16)))
            (local.set $plA (i32.add (local.get $plA) (i32.const 16)))
            (local.set $peB (i32.add (local.get $peB) (i32.const 16)))
            (local.set $plB (i32.add (local.get $plB) (i32.const 16)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $step)))
        (local.set $d (v128.load (i32.add (global.get $divX) (i32.shl (local.get $t) (i32.const 4)))))
        (local.set $oA (f32x4.div (local.get $sA) (local.get $d)))
        (local.set $oB (f32x4.div (local.get $sB) (local.get $d)))
        (local.set $p (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 2))))
        (v128.store32_lane 0 (local.get $p) (local.get $oA))
        (v128.store32_lane offset=256 1 (local.get $p) (local.get $oA))
        (v128.store32_lane offset=512 2 (local.get $p) (local.get $oA))
        (v128.store32_lane offset=768 3 (local.get $p) (local.get $oA))
        (v128.store32_lane offset=1024 0 (local.get $p) (local.get $oB))
        (v128.store32_lane offset=1280 1 (local.get $p) (local.get $oB))
        (v128.store32_lane offset=1536 2 (local.get $p) (local.get $oB))
        (v128.store32_lane offset=1792 3 (local.get $p) (local.get $oB))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br_if $samples (i32.lt_u (local.get $j) (i32.const 64))))
      (local.set $g (i32.add (local.get $g) (i32.const 2)))
      (br_if $groups (i32.lt_u (local.get $g) (i32.const 4)))))

  ;; Pass 4: vertical box filter on the narrow buffer (zero rows above and below), 4 columns per
  ;; lane vector; only the 64 sampled rows are divided and stored into the grid.
  (func $pass4
    (local $c i32) (local $k i32) (local $base i32) (local $pe i32) (local $pl i32)
    (local $i i32) (local $j i32) (local $t i32)
    (local $s v128)
    (loop $cols
      (local.set $base (i32.add (global.get $narrow) (i32.add (i32.shl (global.get $winY) (i32.const 8)) (local.get $c))))
      (local.set $s (v128.const i32x4 0 0 0 0))
      (local.set $k (i32.const 0))
      (block $filled
        (loop $fill
          (br_if $filled (i32.ge_s (local.get $k) (i32.sub (global.get $halfY) (i32.const 1))))
          (local.set $s (f32x4.add (local.get $s)
            (v128.load (i32.add (local.get $base) (i32.shl (local.get $k) (i32.const 8))))))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (br $fill)))
      (local.set $pe (i32.add (local.get $base) (i32.shl (i32.sub (global.get $halfY) (i32.const 1)) (i32.const 8))))
      (local.set $pl (i32.sub (local.get $base) (i32.shl (i32.add (global.get $leadY) (i32.const 1)) (i32.const 8))))
      (local.set $i (i32.const 0))
      (local.set $j (i32.const 0))
      (loop $samples
        (local.set $t (i32.load (i32.add (i32.const 29952) (i32.shl (local.get $j) (i32.const 2)))))
        (block $reached
          (loop $step
            (br_if $reached (i32.gt_s (local.get $i) (local.get $t)))
            (local.set $s (f32x4.sub (f32x4.add (local.get $s) (v128.load (local.get $pe))) (v128.load (local.get $pl))))
            (local.set $pe (i32.add (local.get $pe) (i32.const 256)))
            (local.set $pl (i32.add (local.get $pl) (i32.const 256)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $step)))
        (v128.store
          (i32.add (i32.shl (local.get $j) (i32.const 8)) (local.get $c))
          (f32x4.div (local.get $s)
            (v128.load (i32.add (global.get $divY) (i32.shl (local.get $t) (i32.const 4))))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br_if $samples (i32.lt_u (local.get $j) (i32.const 64))))
      (local.set $c (i32.add (local.get $c) (i32.const 16)))
      (br_if $cols (i32.lt_u (local.get $c) (i32.const 256)))))

  ;; Blur (two passes of rows then columns) and decimation to the 64x64 grid at 0.
  ;; Needs `layout` first and the pixels copied to `image`.
  (func (export "downscale")
    (local $b i32) (local $nb i32) (local $b2 i32)
    (memory.fill (global.get $lumaT) (i32.const 0) (i32.sub (global.get $ring) (global.get $lumaT)))
    (memory.fill (global.get $narrow) (i32.const 0) (i32.shl (global.get $winY) (i32.const 8)))
    (call $divTable (global.get $divX) (global.get $w) (global.get $halfX) (global.get $leadX) (global.get $wp))
    (call $divTable (global.get $divY) (global.get $h) (global.get $halfY) (global.get $leadY) (global.get $h16))
    (local.set $nb (i32.shr_u (global.get $h16) (i32.const 4)))
    (loop $blocks
      (if (i32.lt_s (local.get $b) (local.get $nb))
        (then
          (call $luma (local.get $b))
          (call $pass1 (local.get $b))))
      (local.set $b2 (i32.sub (local.get $b) (global.get $lag)))
      (if (i32.ge_s (local.get $b2) (i32.const 0))
        (then
          (call $pass2 (local.get $b2))
          (call $pass3 (local.get $b2))))
      (local.set $b (i32.add (local.get $b) (i32.const 1)))
      (br_if $blocks (i32.lt_s (local.get $b) (i32.add (local.get $nb) (global.get $lag)))))
    ;; rows h .. h16-1 of the narrow buffer came from clamped rows: they become the zero padding
    (memory.fill
      (i32.add (global.get $narrow) (i32.shl (i32.add (global.get $winY) (global.get $h)) (i32.const 8)))
      (i32.const 0)
      (i32.shl (i32.sub (i32.add (global.get $h16) (global.get $halfY)) (global.get $h)) (i32.const 8)))
    (call $pass4))

  ;; B = D . grid . D^T (16x16, row-major at 28672): T = D . grid first, then B = T . D^T; every
  ;; dot product accumulates f32(d * a) with k ascending. Lanes are 4 adjacent output columns.
  (func (export "dct")
    (local $i i32) (local $jg i32) (local $k i32) (local $p i32) (local $q i32)
    (local $d v128) (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (loop $rows
      (local.set $jg (i32.const 0))
      (loop $colGroups
        (local.set $a0 (v128.const i32x4 0 0 0 0))
        (local.set $a1 (v128.const i32x4 0 0 0 0))
        (local.set $a2 (v128.const i32x4 0 0 0 0))
        (local.set $a3 (v128.const i32x4 0 0 0 0))
        (local.set $q (i32.add (i32.const 16384) (i32.shl (local.get $i) (i32.const 8))))
        (local.set $p (local.get $jg))
        (local.set $k (i32.const 0))
        (loop $ks
          (local.set $d (f32x4.splat (f32.load (local.get $q))))
          (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $d) (v128.load (local.get $p)))))
          (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $d) (v128.load offset=16 (local.get $p)))))
          (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $d) (v128.load offset=32 (local.get $p)))))
          (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $d) (v128.load offset=48 (local.get $p)))))
          (local.set $q (i32.add (local.get $q) (i32.const 4)))
          (local.set $p (i32.add (local.get $p) (i32.const 256)))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (br_if $ks (i32.lt_u (local.get $k) (i32.const 64))))
        (local.set $p (i32.add (i32.const 24576) (i32.add (i32.shl (local.get $i) (i32.const 8)) (local.get $jg))))
        (v128.store (local.get $p) (local.get $a0))
        (v128.store offset=16 (local.get $p) (local.get $a1))
        (v128.store offset=32 (local.get $p) (local.get $a2))
        (v128.store offset=48 (local.get $p) (local.get $a3))
        (local.set $jg (i32.add (local.get $jg) (i32.const 64)))
        (br_if $colGroups (i32.lt_u (local.get $jg) (i32.const 256))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $rows (i32.lt_u (local.get $i) (i32.const 16))))
    (local.set $i (i32.const 0))
    (loop $rows2
      (local.set $a0 (v128.const i32x4 0 0 0 0))
      (local.set $a1 (v128.const i32x4 0 0 0 0))
      (local.set $a2 (v128.const i32x4 0 0 0 0))
      (local.set $a3 (v128.const i32x4 0 0 0 0))
      (local.set $q (i32.add (i32.const 24576) (i32.shl (local.get $i) (i32.const 8))))
      (local.set $p (i32.const 20480))
      (loop $ks2
        (local.set $d (f32x4.splat (f32.load (local.get $q))))
        (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $d) (v128.load (local.get $p)))))
        (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $d) (v128.load offset=16 (local.get $p)))))
        (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $d) (v128.load offset=32 (local.get $p)))))
        (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $d) (v128.load offset=48 (local.get $p)))))
        (local.set $q (i32.add (local.get $q) (i32.const 4)))
        (local.set $p (i32.add (local.get $p) (i32.const 64)))
        (br_if $ks2 (i32.lt_u (local.get $p) (i32.const 24576))))
      (local.set $p (i32.add (i32.const 28672) (i32.shl (local.get $i) (i32.const 6))))
      (v128.store (local.get $p) (local.get $a0))
      (v128.store offset=16 (local.get $p) (local.get $a1))
      (v128.store offset=32 (local.get $p) (local.get $a2))
      (v128.store offset=48 (local.get $p) (local.get $a3))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $rows2 (i32.lt_u (local.get $i) (i32.const 16)))))

  ;; Sum over vertical and horizontal neighbour pairs (u, v) of the grid of
  ;; |trunc(f32(f32(u - v) * 100) / 255)|; the driver divides by 90 and caps at 100.
  (func (export "quality") (result i32)
    (local $p i32) (local $acc v128) (local $c100 v128) (local $c255 v128)
    (local.set $c100 (f32x4.splat (f32.const 100)))
    (local.set $c255 (f32x4.splat (f32.const 255)))
    ;; vertical pairs: rows i and i+1, i = 0..62
    (loop $v
      (local.set $acc (i32x4.add (local.get $acc)
        (i32x4.abs (i32x4.trunc_sat_f32x4_s
          (f32x4.div
            (f32x4.mul (f32x4.sub (v128.load (local.get $p)) (v128.load offset=256 (local.get $p))) (local.get $c100))
            (local.get $c255))))))
      (local.set $p (i32.add (local.get $p) (i32.const 16)))
      (br_if $v (i32.lt_u (local.get $p) (i32.const 16128))))
    ;; horizontal pairs: columns j and j+1, j = 0..62 (lane 3 of the last vector of a row is not a pair)
    (local.set $p (i32.const 0))
    (loop $hz
      (local.set $acc (i32x4.add (local.get $acc)
        (v128.and
          (i32x4.abs (i32x4.trunc_sat_f32x4_s
            (f32x4.div
              (f32x4.mul (f32x4.sub (v128.load (local.get $p)) (v128.load offset=4 (local.get $p))) (local.get $c100))
              (local.get $c255))))
          (select
            (v128.const i32x4 -1 -1 -1 0)
            (v128.const i32x4 -1 -1 -1 -1)
            (i32.eq (i32.and (local.get $p) (i32.const 255)) (i32.const 240))))))
      (local.set $p (i32.add (local.get $p) (i32.const 16)))
      (br_if $hz (i32.lt_u (local.get $p) (i32.const 16384))))
    (i32.add
      (i32.add (i32x4.extract_lane 0 (local.get $acc)) (i32x4.extract_lane 1 (local.get $acc)))
      (i32.add (i32x4.extract_lane 2 (local.get $acc)) (i32x4.extract_lane 3 (local.get $acc)))))
)
