package ci.milie.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A day off in all of Côte d'Ivoire: no deadline clock runs on it. One per date. */
@Entity
@Table(name = "public_holiday")
public class PublicHoliday {

    @Id
    @Column(name = "holiday_date")
    private LocalDate date;

    @Column(name = "name_fr", nullable = false, length = 100)
    private String nameFr;

    @Column(name = "name_en", nullable = false, length = 100)
    private String nameEn;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PublicHoliday() {
        // for Hibernate
    }

    public PublicHoliday(LocalDate date, String nameFr, String nameEn, Instant now) {
        this.date = Objects.requireNonNull(date);
        this.nameFr = nameFr.strip();
        this.nameEn = nameEn.strip();
        this.createdAt = now;
        this.updatedAt = now;
    }

    public LocalDate date() {
        return date;
    }

    public String nameFr() {
        return nameFr;
    }

    public String nameEn() {
        return nameEn;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
