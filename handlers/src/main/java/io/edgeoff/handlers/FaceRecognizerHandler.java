package io.edgeoff.handlers;

import io.edgeoff.task.HandlerContext;
import io.edgeoff.task.TaskHandler;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * FACERECOGNIZER's DETECT_FACE: image filtering and feature detection. The input image is smoothed
 * with a 5x5 Gaussian, its gradients taken with Sobel filters, the Harris corner response computed
 * over a 3x3 window, and the local maxima above a threshold (1 % of the strongest response) kept:
 * the work is linear in the number of pixels.
 *
 * <p>Input: a grayscale image, 4 bytes width, 4 bytes height (big-endian), then width x height
 * pixels, one byte each, row by row (at most 8192 x 8192). Output: UTF-8 {@code corners N\n}
 * followed by {@code x y} of the strongest 200 corners, strongest first.
 * With {@code forward=true} the output is the data worked on followed by this ({@link Forwarding}).
 *
 * <p>With {@code effortMi=N} ({@link Effort}) the detector also runs on more views of an image pyramid: view k is the
 * image resampled (bilinear) at scale {@code 1 + (1 + (k - 1) mod 8) / 8} (1.125 to 2) shifted by
 * {@code floor((k - 1) / 8) / 8} pixel, until {@code N x }{@value #PIXELS_PER_MI} pixels have been filtered in all (view
 * 0, the image itself, included; at most {@value #MAX_VIEWS} views). The output then says, after the corner count,
 * {@code views V}, {@code pixels P} and {@code pyramid corners T} (corners of all views); the listed corners stay
 * those of the image itself.
 */
public final class FaceRecognizerHandler implements TaskHandler {
    public static final String NAME = "face-recognizer";
    private static final int MAX_SIDE = 8192;
    private static final int LISTED = 200;
    /** Pixels filtered per million instructions of effort (calibrated: docs/PERFORMANCE.md). */
    static final double PIXELS_PER_MI = 13_000;
    /** Most views of a pyramid with an effort. */
    static final int MAX_VIEWS = 64;
    /** Widest and highest view of a pyramid, pixels (a larger view is cropped). */
    private static final int MAX_VIEW_SIDE = 2048;
    private static final float[] GAUSS = {1 / 16f, 4 / 16f, 6 / 16f, 4 / 16f, 1 / 16f};

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "FACERECOGNIZER DETECT_FACE: Gaussian blur, Sobel, Harris corners of a grayscale image";
    }

    @Override
    public byte[] handle(byte[] input, Map<String, String> parameters, HandlerContext context) {
        if (input.length < 8) {
            throw new IllegalArgumentException("input must start with the image's width and height (8 bytes), but had "
                    + input.length + " bytes");
        }
        ByteBuffer header = ByteBuffer.wrap(input);
        int w = header.getInt();
        int h = header.getInt();
        if (w < 3 || h < 3 || w > MAX_SIDE || h > MAX_SIDE) {
            throw new IllegalArgumentException("image must be 3 to " + MAX_SIDE + " pixels wide and high, but was "
                    + w + " x " + h);
        }
        boolean forward = Forwarding.isOn(parameters);
        if (forward ? input.length - 8 < (long) w * h : input.length - 8 != (long) w * h) {
            throw new IllegalArgumentException("a " + w + " x " + h + " image has " + (long) w * h + " pixels, but the input had "
                    + (input.length - 8));
        }
        float[] image = new float[w * h];
        for (int i = 0; i < image.length; i++) {
            image[i] = input[8 + i] & 0xFF;
        }
        List<int[]> corners = corners(image, w, h, context);
        StringBuilder out = new StringBuilder("corners ").append(corners.size()).append('\n');
        int effortMi = Effort.millionInstructions(parameters);
        if (effortMi > 0) {
            pyramid(image, w, h, Effort.budget(effortMi, PIXELS_PER_MI), corners.size(), out, context);
        }
        for (int i = 0; i < Math.min(LISTED, corners.size()); i++) {
            out.append(corners.get(i)[0]).append(' ').append(corners.get(i)[1]).append('\n');
        }
        byte[] report = out.toString().getBytes(StandardCharsets.UTF_8);
        return forward ? Forwarding.join(input, 8 + w * h, report) : report;
    }

    /** The corners of an image: blur, Harris response, maxima. */
    private static List<int[]> corners(float[] image, int w, int h, HandlerContext context) {
        float[] smooth = blur(blur(image, w, h, 1, 0), w, h, 0, 1);
        context.checkpoint();
        float[] response = harris(smooth, w, h, context);
        return maxima(response, w, h);
    }

    /** Runs the detector on views 1, 2, ... until {@code budgetPixels} are filtered (view 0 included); reports it. */
    private static void pyramid(float[] image, int w, int h, long budgetPixels, int corners, StringBuilder out,
                                HandlerContext context) {
        long pixels = (long) w * h;
        long total = corners;
        int views = 1;
        while (views < MAX_VIEWS && pixels < budgetPixels) {
            float scale = 1 + (1 + (views - 1) % 8) / 8f;
            float shift = (views - 1) / 8 / 8f;
            int vw = Math.min(MAX_VIEW_SIDE, Math.round(w * scale));
            int vh = Math.min(MAX_VIEW_SIDE, Math.round(h * scale));
            float[] view = resample(image, w, h, vw, vh, scale, shift);
            context.checkpoint();
            total += corners(view, vw, vh, context).size();
            pixels += (long) vw * vh;
            views++;
        }
        out.append("views ").append(views).append("\npixels ").append(pixels).append("\npyramid corners ").append(total)
                .append('\n');
    }

    /** Bilinear resampling: pixel (x, y) of the view is the image at ((x + shift) / scale, (y + shift) / scale). */
    private static float[] resample(float[] in, int w, int h, int vw, int vh, float scale, float shift) {
        float[] out = new float[vw * vh];
        for (int y = 0; y < vh; y++) {
            float sy = Math.min(h - 1, (y + shift) / scale);
            int y0 = Math.min(h - 2, (int) sy);
            float fy = sy - y0;
            for (int x = 0; x < vw; x++) {
                float sx = Math.min(w - 1, (x + shift) / scale);
                int x0 = Math.min(w - 2, (int) sx);
                float fx = sx - x0;
                int i = y0 * w + x0;
                float top = in[i] + fx * (in[i + 1] - in[i]);
                float bottom = in[i + w] + fx * (in[i + w + 1] - in[i + w]);
                out[y * vw + x] = top + fy * (bottom - top);
            }
        }
        return out;
    }

    /** One pass of the separable 5-tap Gaussian along (dx, dy), edges clamped. */
    private static float[] blur(float[] in, int w, int h, int dx, int dy) {
        float[] out = new float[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float sum = 0;
                for (int k = -2; k <= 2; k++) {
                    int xx = Math.min(w - 1, Math.max(0, x + k * dx));
                    int yy = Math.min(h - 1, Math.max(0, y + k * dy));
                    sum += GAUSS[k + 2] * in[yy * w + xx];
                }
                out[y * w + x] = sum;
            }
        }
        return out;
    }

    /** Harris response {@code det(M) - 0.04 trace(M)^2} of the 3x3 structure tensor of the Sobel gradients. */
    private static float[] harris(float[] img, int w, int h, HandlerContext context) {
        float[] xx = new float[w * h];
        float[] yy = new float[w * h];
        float[] xy = new float[w * h];
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                float gx = img[i - w + 1] + 2 * img[i + 1] + img[i + w + 1] - img[i - w - 1] - 2 * img[i - 1] - img[i + w - 1];
                float gy = img[i + w - 1] + 2 * img[i + w] + img[i + w + 1] - img[i - w - 1] - 2 * img[i - w] - img[i - w + 1];
                xx[i] = gx * gx;
                yy[i] = gy * gy;
                xy[i] = gx * gy;
            }
            if ((y & 0x3F) == 0) {
                context.checkpoint();
            }
        }
        float[] r = new float[w * h];
        for (int y = 2; y < h - 2; y++) {
            for (int x = 2; x < w - 2; x++) {
                float a = 0;
                float b = 0;
                float c = 0;
                for (int k = -1; k <= 1; k++) {
                    int row = (y + k) * w + x;
                    a += xx[row - 1] + xx[row] + xx[row + 1];
                    b += yy[row - 1] + yy[row] + yy[row + 1];
                    c += xy[row - 1] + xy[row] + xy[row + 1];
                }
                r[y * w + x] = a * b - c * c - 0.04f * (a + b) * (a + b);
            }
        }
        return r;
    }

    /** Local maxima of a 3x3 neighbourhood above 1 % of the strongest response, strongest first. */
    private static List<int[]> maxima(float[] r, int w, int h) {
        float max = 0;
        for (float v : r) {
            max = Math.max(max, v);
        }
        float threshold = 0.01f * max;
        List<int[]> corners = new ArrayList<>();
        for (int y = 2; y < h - 2; y++) {
            for (int x = 2; x < w - 2; x++) {
                float v = r[y * w + x];
                if (v <= threshold || max <= 0) {
                    continue;
                }
                boolean peak = true;
                for (int dy = -1; dy <= 1 && peak; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        float n = r[(y + dy) * w + x + dx];
                        if ((dx != 0 || dy != 0) && (n > v || n == v && (dy < 0 || dy == 0 && dx < 0))) {
                            peak = false;
                            break;
                        }
                    }
                }
                if (peak) {
                    corners.add(new int[] {x, y, Float.floatToIntBits(v)});
                }
            }
        }
        corners.sort((p, q) -> Float.compare(Float.intBitsToFloat(q[2]), Float.intBitsToFloat(p[2])) != 0
                ? Float.compare(Float.intBitsToFloat(q[2]), Float.intBitsToFloat(p[2]))
                : p[1] != q[1] ? Integer.compare(p[1], q[1]) : Integer.compare(p[0], q[0]));
        return corners;
    }

    /**
     * A {@code side} x {@code side} grayscale image from {@code seed}: a shaded background, a few
     * bright ellipses (faces) with dark eyes and mouth, rectangles and noise.
     */
    public static byte[] input(long seed, int side) {
        if (side < 3 || side > MAX_SIDE) {
            throw new IllegalArgumentException("side must be in [3, " + MAX_SIDE + "], but was " + side);
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[] img = new float[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                img[y * side + x] = 60 + 60f * x / side + 30f * y / side;
            }
        }
        int shapes = 3 + side / 64;
        for (int s = 0; s < shapes; s++) {
            int cx = random.nextInt(side);
            int cy = random.nextInt(side);
            int rx = 4 + random.nextInt(Math.max(1, side / 8));
            int ry = rx + random.nextInt(Math.max(1, rx / 2));
            boolean face = random.nextBoolean();
            for (int y = Math.max(0, cy - ry); y < Math.min(side, cy + ry); y++) {
                for (int x = Math.max(0, cx - rx); x < Math.min(side, cx + rx); x++) {
                    double ex = (x - cx) / (double) rx;
                    double ey = (y - cy) / (double) ry;
                    if (face ? ex * ex + ey * ey <= 1 : true) {
                        img[y * side + x] = face ? 200 : 20 + random.nextInt(40);
                    }
                    if (face && (Math.hypot(ex + 0.35, ey + 0.3) < 0.12 || Math.hypot(ex - 0.35, ey + 0.3) < 0.12
                            || Math.abs(ey - 0.45) < 0.06 && Math.abs(ex) < 0.35)) {
                        img[y * side + x] = 30;
                    }
                }
            }
        }
        byte[] out = new byte[8 + side * side];
        ByteBuffer.wrap(out).putInt(side).putInt(side);
        for (int i = 0; i < img.length; i++) {
            out[8 + i] = (byte) Math.max(0, Math.min(255, Math.round(img[i] + random.nextGaussian() * 6)));
        }
        return out;
    }
}
