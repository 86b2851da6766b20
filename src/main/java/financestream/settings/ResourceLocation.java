package financestream.settings;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** A file to read: {@code classpath:…} (shipped in the jar), {@code file:…} or a plain path; it must exist. */
public record ResourceLocation(String value) {

    public static ResourceLocation parse(String value) {
        String location = value.strip();
        if (location.startsWith("classpath:")) {
            String name = location.substring("classpath:".length()).replaceFirst("^/", "");
            if (ResourceLocation.class.getClassLoader().getResource(name) == null) {
                throw new IllegalArgumentException("no such resource in the jar");
            }
            return new ResourceLocation(location);
        }
        try {
            Path file = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no such file (" + file.toAbsolutePath() + ")");
            }
            return new ResourceLocation(location);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a file path: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
