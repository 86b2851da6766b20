package financestream.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** {@code s3://bucket/prefix/}: a valid bucket name and a key that cannot climb out of the bucket. */
public record S3Location(String value) {

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    public static S3Location parse(String value) {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not an S3 location (expected s3://bucket/prefix/): " + e.getMessage());
        }
        // the authority, not the host: java.net.URI has no host for a name with '_', which is no bucket either
        if (!"s3".equals(uri.getScheme()) || uri.getAuthority() == null || uri.getQuery() != null
                || uri.getFragment() != null) {
            throw new IllegalArgumentException("not an S3 location (expected s3://bucket/prefix/)");
        }
        if (!BUCKET.matcher(uri.getAuthority()).matches()) {
            throw new IllegalArgumentException("'" + uri.getAuthority()
                    + "' is not an S3 bucket name (3-63 lower-case letters, digits, '.' or '-')");
        }
        for (String segment : (uri.getRawPath() == null ? "" : uri.getRawPath()).split("/")) {
            String decoded = URLDecoder.decode(segment, StandardCharsets.UTF_8);
            if (decoded.equals("..") || decoded.equals(".") || decoded.contains("\\")) {
                throw new IllegalArgumentException(
                        "the key must not contain '.', '..' or '\\' segments (it could leave the bucket)");
            }
        }
        return new S3Location(value.strip());
    }

    @Override
    public String toString() {
        return value;
    }
}
