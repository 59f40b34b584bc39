package ci.milie.request;

/** How a request reached Miliê; PHONE requests are entered by a call-centre operator. */
public enum Channel {
    WEB, MOBILE, PHONE
}
