package ci.milie.request;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How a request reached Miliê; PHONE requests are entered by a call-centre operator; USSD and SMS
 * come from a feature phone through an operator's aggregator (package channel), never from a token.
 */
@Schema(name = "Channel")
public enum Channel {
    WEB, MOBILE, PHONE, USSD, SMS;

    /** The channels only the aggregator callbacks file on (the caller's number is their identity). */
    public boolean isFeaturePhone() {
        return this == USSD || this == SMS;
    }
}
