-- Every grants generation (catalog.GrantsSnapshot, at least every 2 seconds) reads the role-to-role graph
-- whole (WHERE grantee_kind = 'ROLE'). Through role_grants_by_grantee each of those rows was then fetched from
-- the table by its row key; with 100,000 users and 10,000 roles the ROLE rows lie scattered over every page of
-- role_grants, far beyond H2's 16 MB page cache, and one read took 150-600 ms (bench/run scale: 6 % of the PAT
-- logins' CPU, a quarter of a non-admin's SHOW USERS, every login waiting while the generation was built).
-- This index holds every column of a role grant, so H2 answers that read, and each grantee's grants (a user's
-- roles, SHOW GRANTS TO), from the index alone (3-8 ms for the same read); it starts with the old index's
-- columns, so it replaces it for every lookup that used it.
CREATE INDEX role_grants_by_grantee_covering ON role_grants (grantee_kind, grantee_name, role_name, granted_by,
    created_on);
DROP INDEX IF EXISTS role_grants_by_grantee;
