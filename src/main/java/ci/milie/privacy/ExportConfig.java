package ci.milie.privacy;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "milie.privacy.export")
public interface ExportConfig {

    /**
     * Bytes of files an export carries inline, all files together (e.g. "25M"); the files past it
     * are listed with the path that downloads them. The whole document is built in memory.
     */
    MemorySize maxFileBytes();

    /** Exports one instance builds at once: each holds its files in memory and a database connection. */
    int concurrent();
}
