package hlc.model;

import hlc.diag.Span;

import java.math.BigDecimal;

/**
 * A size such as {@code 64GiB} or {@code 1.92TB}, as written (the lexer's SIZE token: digits, an optional
 * fraction, a unit). {@link #bytes} is exact for binary units.
 */
public record Size(String text, Span span) {
    /**
     * The number of bytes, worked out when asked rather than when the spec is read: BigDecimal's class
     * initialisation computes 5^65536 on JDK 25, tens of milliseconds of every `hlc check` that reads a size,
     * while only a few checks and reports compare sizes.
     */
    public BigDecimal bytes() {
        int u = 0;
        while (u < text.length() && (Character.isDigit(text.charAt(u)) || text.charAt(u) == '.')) u++;
        BigDecimal amount = new BigDecimal(text.substring(0, u));
        BigDecimal factor = switch (text.substring(u)) {
            case "KB" -> BigDecimal.TEN.pow(3);
            case "MB" -> BigDecimal.TEN.pow(6);
            case "GB" -> BigDecimal.TEN.pow(9);
            case "TB" -> BigDecimal.TEN.pow(12);
            case "PB" -> BigDecimal.TEN.pow(15);
            case "KiB" -> BigDecimal.valueOf(2).pow(10);
            case "MiB" -> BigDecimal.valueOf(2).pow(20);
            case "GiB" -> BigDecimal.valueOf(2).pow(30);
            case "TiB" -> BigDecimal.valueOf(2).pow(40);
            case "PiB" -> BigDecimal.valueOf(2).pow(50);
            default -> BigDecimal.ONE;
        };
        return amount.multiply(factor);
    }
}
