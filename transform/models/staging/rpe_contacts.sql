-- description: Les contacts du RPE.
-- depends: raw.rpe_contacts
SELECT * FROM raw.rpe_contacts
