-- SHOW GRANTS TO USER/ROLE and ON an object read the grants of one grantee or object by index, not the
-- whole tables (role_grants' key already leads with role_name, for SHOW GRANTS OF ROLE).
CREATE INDEX role_grants_by_grantee ON role_grants (grantee_kind, grantee_name);
CREATE INDEX privilege_grants_by_role ON privilege_grants (role_name);
CREATE INDEX privilege_grants_by_object ON privilege_grants (object_kind, object_name);
