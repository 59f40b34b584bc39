package ci.milie.notification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A number (E.164) that asked Miliê to stop sending it text messages. */
@Entity
@Table(name = "sms_opt_out")
class SmsOptOut {

    @Id
    private String phone;
    @Column(name = "opted_out_at")
    private Instant optedOutAt;

    protected SmsOptOut() {
    }

    SmsOptOut(String phone, Instant optedOutAt) {
        this.phone = phone;
        this.optedOutAt = optedOutAt;
    }

    String phone() {
        return phone;
    }

    Instant optedOutAt() {
        return optedOutAt;
    }
}
