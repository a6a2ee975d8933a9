package dev.frostgate.sql;

import java.util.List;
import java.util.Optional;

/** CREATE, ALTER, DROP, DESCRIBE and SHOW of users; each method starts after the object keyword. */
final class UserStatementParser {

    private final TokenCursor cursor;
    private final PropertyParser properties;

    UserStatementParser(TokenCursor cursor) {
        this.cursor = cursor;
        this.properties = new PropertyParser(cursor);
    }

    /** After {@code CREATE [OR REPLACE] USER}. */
    Statement parseCreate(boolean orReplace) {
        boolean ifNotExists = CommonClauses.acceptIfNotExists(cursor);
        String name = cursor.expectName();
        return new Statement.CreateUser(orReplace, ifNotExists, name, properties.parsePropertyList());
    }

    /**
     * After {@code ALTER USER}. The name is optional (the session's user) and SET/UNSET always mean the
     * action, so a user literally named SET has to be written quoted.
     */
    Statement parseAlter() {
        boolean ifExists = CommonClauses.acceptIfExists(cursor);
        Optional<String> name = cursor.isKeyword("SET") || cursor.isKeyword("UNSET") || cursor.isKeyword("ADD")
                || cursor.isKeyword("REMOVE") || cursor.isKeyword("MODIFY") || cursor.isKeyword("ROTATE")
                ? Optional.empty()
                : Optional.of(cursor.expectName());
        if (cursor.acceptKeyword("ADD")) {
            expectTokenKind();
            boolean ifNotExists = CommonClauses.acceptIfNotExists(cursor);
            String token = cursor.expectName();
            return new Statement.AddProgrammaticAccessToken(ifExists, name, ifNotExists, token,
                    properties.parsePropertyList());
        }
        if (cursor.acceptKeyword("ROTATE")) {
            expectTokenKind();
            boolean tokenIfExists = CommonClauses.acceptIfExists(cursor);
            String token = cursor.expectName();
            return new Statement.RotateProgrammaticAccessToken(ifExists, name, tokenIfExists, token,
                    properties.parsePropertyList());
        }
        if (cursor.acceptKeyword("MODIFY")) {
            expectTokenKind();
            boolean tokenIfExists = CommonClauses.acceptIfExists(cursor);
            String token = cursor.expectName();
            if (cursor.acceptKeyword("SET")) {
                return new Statement.ModifyProgrammaticAccessToken(ifExists, name, tokenIfExists, token,
                        properties.parseRequiredPropertyList(), List.of(), Optional.empty());
            }
            if (cursor.acceptKeyword("UNSET")) {
                return new Statement.ModifyProgrammaticAccessToken(ifExists, name, tokenIfExists, token, List.of(),
                        properties.parsePropertyNames(), Optional.empty());
            }
            cursor.expectKeyword("RENAME", "TO");
            return new Statement.ModifyProgrammaticAccessToken(ifExists, name, tokenIfExists, token, List.of(),
                    List.of(), Optional.of(cursor.expectName()));
        }
        if (cursor.acceptKeyword("REMOVE")) {
            expectTokenKind();
            boolean tokenIfExists = CommonClauses.acceptIfExists(cursor);
            return new Statement.RemoveProgrammaticAccessToken(ifExists, name, tokenIfExists, cursor.expectName());
        }
        PolicyAttachmentParser policies = new PolicyAttachmentParser(cursor);
        Statement.PolicyTarget target = new Statement.PolicyTarget.User(ifExists, name);
        if (cursor.acceptKeyword("SET")) {
            return policies.startsPolicyKind() ? policies.parseSet(target)
                    : new Statement.AlterUserSet(ifExists, name, properties.parseRequiredPropertyList());
        }
        if (cursor.acceptKeyword("UNSET")) {
            return policies.startsPolicyKind() ? policies.parseUnset(target)
                    : new Statement.AlterUserUnset(ifExists, name, properties.parsePropertyNames());
        }
        if (name.isPresent() && cursor.isKeyword("RENAME")) {
            cursor.expectKeyword("RENAME", "TO");
            return new Statement.AlterUserRename(ifExists, name.get(), cursor.expectName());
        }
        throw cursor.unexpected();
    }

    /** {@code PROGRAMMATIC ACCESS TOKEN} or {@code PAT}. */
    private void expectTokenKind() {
        if (!cursor.acceptKeyword("PAT")) {
            cursor.expectKeyword("PROGRAMMATIC", "ACCESS", "TOKEN");
        }
    }

    /** After {@code SHOW USER}: {@code {PROGRAMMATIC ACCESS TOKENS | PATS} [FOR USER u]}. */
    Statement parseShowTokens() {
        if (!cursor.acceptKeyword("PATS")) {
            cursor.expectKeyword("PROGRAMMATIC", "ACCESS", "TOKENS");
        }
        Optional<String> user = cursor.acceptKeywords("FOR", "USER") ? Optional.of(cursor.expectName())
                : Optional.empty();
        return new Statement.ShowProgrammaticAccessTokens(user);
    }

    /** After {@code DROP USER}. */
    Statement parseDrop() {
        boolean ifExists = CommonClauses.acceptIfExists(cursor);
        return new Statement.DropUser(ifExists, cursor.expectName());
    }

    /** After {@code DESC[RIBE] USER}. */
    Statement parseDescribe() {
        return new Statement.DescribeUser(cursor.expectName());
    }

    /** After {@code SHOW USERS}: {@code [LIKE 'p'] [STARTS WITH 's'] [LIMIT n]}, in that order. */
    Statement parseShow() {
        Optional<String> like = CommonClauses.acceptLike(cursor);
        Optional<String> startsWith = cursor.acceptKeywords("STARTS", "WITH")
                ? Optional.of(cursor.expect(TokenType.STRING).value())
                : Optional.empty();
        Optional<Long> limit = cursor.acceptKeyword("LIMIT") ? Optional.of(cursor.expectCount()) : Optional.empty();
        return new Statement.ShowUsers(like, startsWith, limit);
    }
}
