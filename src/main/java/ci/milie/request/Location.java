package ci.milie.request;

import jakarta.persistence.Embeddable;

/** Where the problem is: region and locality (for statistics), optional coordinates. */
@Embeddable
public class Location {

    private String region;
    private String locality;
    private Double latitude;
    private Double longitude;

    protected Location() {
    }

    public Location(String region, String locality, Double latitude, Double longitude) {
        this.region = region;
        this.locality = locality;
        this.latitude = latitude;
        this.longitude = longitude;
    }

    public String region() {
        return region;
    }

    public String locality() {
        return locality;
    }

    public Double latitude() {
        return latitude;
    }

    public Double longitude() {
        return longitude;
    }
}
