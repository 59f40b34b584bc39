package ci.milie.request;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a request reached Miliê; PHONE requests are entered by a call-centre operator. */
@Schema(name = "Channel")
public enum Channel {
    WEB, MOBILE, PHONE
}
