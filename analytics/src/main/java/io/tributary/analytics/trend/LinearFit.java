package io.tributary.analytics.trend;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * An ordinary least squares line y = intercept + slope·x with a forecast at {@code xf} and its prediction interval,
 * ŷ ± t(1 − (1 − confidence)/2; n − 2) · s · √(1 + 1/n + (xf − x̄)² / Sxx), where s is the residual standard deviation.
 *
 * @param r2 null for a constant y (no variation to explain)
 * @param residualSd null with two points (no degrees of freedom left)
 * @param lower null with two points
 * @param upper null with two points
 */
record LinearFit(
        double slope, double intercept, Double r2, Double residualSd, double forecast, Double lower, Double upper) {

    /** @return null when all x are equal: no line fits */
    static LinearFit of(double[] x, double[] y, double xf, double confidence) {
        SimpleRegression regression = new SimpleRegression();
        for (int i = 0; i < x.length; i++) {
            regression.addData(x[i], y[i]);
        }
        double sxx = regression.getXSumSquares();
        if (!(sxx > 0)) {
            return null;
        }
        double forecast = regression.predict(xf);
        Double r2 = finite(regression.getRSquare());
        long n = regression.getN();
        if (n < 3) {
            return new LinearFit(regression.getSlope(), regression.getIntercept(), r2, null, forecast, null, null);
        }
        double s = Math.sqrt(sumOfSquaredResiduals(regression, x, y) / (n - 2));
        double t = new TDistribution(n - 2).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double dx = xf - StatUtils.mean(x);
        double half = t * s * Math.sqrt(1 + 1.0 / n + dx * dx / sxx);
        return new LinearFit(
                regression.getSlope(), regression.getIntercept(), r2, s, forecast, forecast - half, forecast + half);
    }

    /**
     * From the residuals themselves rather than SimpleRegression's Σy² − (Σxy)²/Σx², which cancels digits when the
     * fit is close (NIST Norris: 3e-11 off its certified residual standard deviation; within 1e-12 this way).
     */
    private static double sumOfSquaredResiduals(SimpleRegression regression, double[] x, double[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double residual = y[i] - regression.predict(x[i]);
            sum += residual * residual;
        }
        return sum;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
