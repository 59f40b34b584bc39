-- Which of a citizen's contacts a one-time code proved. Until now an account held exactly the one it
-- signed up with, proven by its code; from now the citizen may add a phone to their profile (PUT /me)
-- that nothing proved: it reaches them, but it neither signs them in nor lets them claim a request
-- filed with that phone. The contact an account signed up with stays proven and cannot be changed.
alter table citizen
    add column email_verified boolean not null default false,
    add column phone_verified boolean not null default false;

update citizen set email_verified = email is not null, phone_verified = phone is not null;

alter table citizen
    add constraint citizen_verified_contact_present
        check ((not email_verified or email is not null) and (not phone_verified or phone is not null)),
    add constraint citizen_has_verified_contact check (email_verified or phone_verified);
