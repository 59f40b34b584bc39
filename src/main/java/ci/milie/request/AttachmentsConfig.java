package ci.milie.request;

import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "milie.attachments")
public interface AttachmentsConfig {

    /** Files one request carries at most, whoever added them. */
    int maxPerRequest();

    /** Largest file accepted, e.g. "10M". The HTTP body limit must leave room for it. */
    MemorySize maxSize();

    /**
     * Directory where files are written, under random names; absent: in the database. Instances
     * behind a load balancer must share it.
     */
    Optional<String> directory();

    /** Pixels an image (width × height) has at most; its header is read before it is decoded. */
    long maxPixels();

    /** Pages a PDF has at most. */
    int maxPages();
}
