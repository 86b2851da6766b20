package financestream.bars;

import com.fasterxml.jackson.core.io.NumberOutput;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Writes a double the way Python's {@code repr(float)} does: the shortest decimal that reads back as the same
 * double, plain between 1e-4 and 1e16 ({@code 279.0}, {@code 140.7772979736328}), else {@code 1e-05} style.
 * <p>
 * The shortest digits come from Jackson's Schubfach writer (the JDK 17 {@code Double.toString} is not always
 * shortest); only the layout differs from Java's, which switches to {@code 1.0E7} notation much earlier.
 */
final class PythonFloatRepr {

    // Python's float_repr_style 'r' uses exponent notation when the decimal exponent is < -4 or >= 16.
    private static final int SMALLEST_PLAIN_EXPONENT = -4;
    private static final int LARGEST_PLAIN_EXPONENT = 15;

    private PythonFloatRepr() {
    }

    static String of(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("Not a finite number: " + value);
        }
        if (value == 0.0) {
            return (Double.doubleToRawLongBits(value) < 0) ? "-0.0" : "0.0";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-3 && magnitude < 1e7) {
            // every price: Java's layout is plain here too ("279.0", "0.001"), so Schubfach's text is Python's repr
            return NumberOutput.toString(value, true);
        }
        BigDecimal shortest = shortest(value);
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale(); // value = d.ddd × 10^exponent
        String sign = shortest.signum() < 0 ? "-" : "";
        if (exponent < SMALLEST_PLAIN_EXPONENT || exponent > LARGEST_PLAIN_EXPONENT) {
            return sign + scientific(digits, exponent);
        }
        return sign + plain(digits, exponent);
    }

    private static BigDecimal shortest(double value) {
        BigDecimal decimal = new BigDecimal(NumberOutput.toString(value, true)).stripTrailingZeros();
        // Java's algorithm never answers with fewer than two digits, so for subnormals it may say 4.9e-324
        // where one digit (Python's 5e-324) already reads back as the same double.
        if (decimal.precision() == 2) {
            BigDecimal oneDigit = decimal.round(new MathContext(1, RoundingMode.HALF_EVEN));
            if (oneDigit.doubleValue() == value) {
                return oneDigit.stripTrailingZeros();
            }
        }
        return decimal;
    }

    private static String plain(String digits, int exponent) {
        if (exponent < 0) {
            return "0." + "0".repeat(-exponent - 1) + digits;
        }
        int integerDigits = exponent + 1;
        if (digits.length() <= integerDigits) {
            return digits + "0".repeat(integerDigits - digits.length()) + ".0";
        }
        return digits.substring(0, integerDigits) + "." + digits.substring(integerDigits);
    }

    private static String scientific(String digits, int exponent) {
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String exponentDigits = String.valueOf(Math.abs(exponent));
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + (exponentDigits.length() < 2 ? "0" : "") + exponentDigits;
    }
}
