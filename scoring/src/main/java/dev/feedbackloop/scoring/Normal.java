package dev.feedbackloop.scoring;

/**
 * The standard normal distribution: CDF, quantile and two-sided p-values.
 *
 * <p>The quantile is Wichura's algorithm AS 241 (PPND16, Applied Statistics 37(3), 1988), rational approximations
 * whose relative error is about 1e-16 over 1e-300 &lt; p &lt; 1 − 1e-16. The CDF is computed from the
 * complementary error function of W. J. Cody ("Rational Chebyshev approximations for the error function", Math.
 * Comp. 1969; the CALERF packet), accurate to a relative error of about 1e-15 in double precision, including the
 * far tails (no cancellation: {@code cdf(-x)} is computed directly as {@code erfc(x/√2)/2}).
 */
final class Normal {

    /** The two-sided 95% critical value, exactly the constant of the command contract. */
    static final double Z95 = 1.959963984540054;

    private static final double SQRT2 = 1.4142135623730950488;
    private static final double SQRPI = 0.56418958354775628695; // 1/sqrt(pi)

    // Cody's coefficients: erf on |x| <= 0.46875
    private static final double[] A = {3.16112374387056560e00, 1.13864154151050156e02, 3.77485237685302021e02,
            3.20937758913846947e03, 1.85777706184603153e-1};
    private static final double[] B = {2.36012909523441209e01, 2.44024637934444173e02, 1.28261652607737228e03,
            2.84423683343917062e03};
    // erfc on 0.46875 < |x| <= 4
    private static final double[] C = {5.64188496988670089e-1, 8.88314979438837594e00, 6.61191906371416295e01,
            2.98635138197400131e02, 8.81952221241769090e02, 1.71204761263407058e03, 2.05107837782607147e03,
            1.23033935479799725e03, 2.15311535474403846e-8};
    private static final double[] D = {1.57449261107098347e01, 1.17693950891312499e02, 5.37181101862009858e02,
            1.62138957456669019e03, 3.29079923573345963e03, 4.36261909014324716e03, 3.43936767414372164e03,
            1.23033935480374942e03};
    // erfc on |x| > 4
    private static final double[] P = {3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1,
            1.60837851487422766e-2, 6.58749161529837803e-4, 1.63153871373020978e-2};
    private static final double[] Q = {2.56852019228982242e00, 1.87295284992346047e00, 5.27905102951428412e-1,
            6.05183413124413191e-2, 2.33520497626869185e-3};
    private static final double XBIG = 26.543;

    private Normal() {
    }

    /** Returns erfc(x) = 1 − erf(x). */
    static double erfc(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        double y = Math.abs(x);
        double result;
        if (y <= 0.46875) {
            double ysq = y > 1.11e-16 ? y * y : 0.0;
            double num = A[4] * ysq;
            double den = ysq;
            for (int i = 0; i < 3; i++) {
                num = (num + A[i]) * ysq;
                den = (den + B[i]) * ysq;
            }
            return 1.0 - x * (num + A[3]) / (den + B[3]);
        } else if (y <= 4.0) {
            double num = C[8] * y;
            double den = y;
            for (int i = 0; i < 7; i++) {
                num = (num + C[i]) * y;
                den = (den + D[i]) * y;
            }
            result = scaleByExp(y, (num + C[7]) / (den + D[7]));
        } else if (y >= XBIG) {
            result = 0.0;
        } else {
            double ysq = 1.0 / (y * y);
            double num = P[5] * ysq;
            double den = ysq;
            for (int i = 0; i < 4; i++) {
                num = (num + P[i]) * ysq;
                den = (den + Q[i]) * ysq;
            }
            result = ysq * (num + P[4]) / (den + Q[4]);
            result = scaleByExp(y, (SQRPI - result) / y);
        }
        return x < 0 ? 2.0 - result : result;
    }

    /** Multiplies by exp(−y²), splitting y² so that the rounding of y² does not cost accuracy. */
    private static double scaleByExp(double y, double value) {
        double ysq = Math.floor(y * 16.0) / 16.0;
        double del = (y - ysq) * (y + ysq);
        return Math.exp(-ysq * ysq) * Math.exp(-del) * value;
    }

    /** Returns P(Z ≤ x). */
    static double cdf(double x) {
        return 0.5 * erfc(-x / SQRT2);
    }

    /** Returns P(|Z| ≥ |z|), the two-sided p-value of a z statistic; NaN for NaN. */
    static double twoSidedP(double z) {
        return erfc(Math.abs(z) / SQRT2);
    }

    /**
     * Returns the p-quantile: the x with P(Z ≤ x) = p; −∞ at 0, +∞ at 1.
     *
     * @throws IllegalArgumentException if p is outside [0, 1] or NaN
     */
    static double quantile(double p) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException("p: " + p + " is outside [0, 1]");
        }
        double q = p - 0.5;
        if (Math.abs(q) <= 0.425) {
            double r = 0.180625 - q * q;
            return q * (((((((2.5090809287301226727e+03 * r + 3.3430575583588128105e+04) * r
                    + 6.7265770927008700853e+04) * r + 4.5921953931549871457e+04) * r
                    + 1.3731693765509461125e+04) * r + 1.9715909503065514427e+03) * r
                    + 1.3314166789178437745e+02) * r + 3.3871328727963666080e+00)
                    / (((((((5.2264952788528545610e+03 * r + 2.8729085735721942674e+04) * r
                    + 3.9307895800092710610e+04) * r + 2.1213794301586595867e+04) * r
                    + 5.3941960214247511077e+03) * r + 6.8718700749205790830e+02) * r
                    + 4.2313330701600911252e+01) * r + 1.0);
        }
        double r = q < 0 ? p : 1.0 - p;
        if (r <= 0.0) {
            return q < 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        r = Math.sqrt(-Math.log(r));
        double value;
        if (r <= 5.0) {
            r -= 1.6;
            value = (((((((7.74545014278341407640e-04 * r + 2.27238449892691845833e-02) * r
                    + 2.41780725177450611770e-01) * r + 1.27045825245236838258e+00) * r
                    + 3.64784832476320460504e+00) * r + 5.76949722146069140550e+00) * r
                    + 4.63033784615654529590e+00) * r + 1.42343711074968357734e+00)
                    / (((((((1.05075007164441684324e-09 * r + 5.47593808499534494600e-04) * r
                    + 1.51986665636164571966e-02) * r + 1.48103976427480074590e-01) * r
                    + 6.89767334985100004550e-01) * r + 1.67638483018380384940e+00) * r
                    + 2.05319162663775882187e+00) * r + 1.0);
        } else {
            r -= 5.0;
            value = (((((((2.01033439929228813265e-07 * r + 2.71155556874348757815e-05) * r
                    + 1.24266094738807843860e-03) * r + 2.65321895265761230930e-02) * r
                    + 2.96560571828504891230e-01) * r + 1.78482653991729133580e+00) * r
                    + 5.46378491116411436990e+00) * r + 6.65790464350110377720e+00)
                    / (((((((2.04426310338993978564e-15 * r + 1.42151175831644588870e-07) * r
                    + 1.84631831751005468180e-05) * r + 7.86869131145613259100e-04) * r
                    + 1.48753612908506148525e-02) * r + 1.36929880922735805310e-01) * r
                    + 5.99832206555887937690e-01) * r + 1.0);
        }
        return q < 0 ? -value : value;
    }

    /**
     * Returns the two-sided critical value z for a confidence level: P(|Z| ≤ z) = confidence.
     *
     * @throws IllegalArgumentException if confidence is not strictly between 0 and 1
     */
    static double z(double confidence) {
        Confidence.check(confidence);
        if (confidence == 0.95) {
            return Z95;
        }
        return -quantile((1.0 - confidence) / 2.0);
    }
}
