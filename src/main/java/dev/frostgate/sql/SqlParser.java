package dev.frostgate.sql;

import java.util.Optional;

/**
 * Parses one statement of Frostgate's Snowflake dialect into a {@link Statement}. Hand-written recursive
 * descent over {@link SqlLexer}'s tokens; the only exception it throws is {@link SqlSyntaxException}.
 */
public final class SqlParser {

    private final TokenCursor cursor;
    private final String source;

    private SqlParser(String source) {
        this.source = source;
        this.cursor = new TokenCursor(SqlLexer.tokenize(source));
    }

    /**
     * Parses exactly one statement, optionally followed by {@code ;}.
     *
     * @throws SqlSyntaxException at the first token that cannot be accepted ({@code <EOF>} at end of input)
     */
    public static Statement parse(String sql) {
        return new SqlParser(sql == null ? "" : sql).parseSingleStatement();
    }

    private Statement parseSingleStatement() {
        Statement statement = parseStatement();
        cursor.accept(TokenType.SEMICOLON);
        if (!cursor.atEnd()) {
            throw cursor.unexpected();
        }
        return statement;
    }

    private Statement parseStatement() {
        Token first = cursor.peek();
        if (first.type() != TokenType.IDENTIFIER) {
            throw cursor.unexpected();
        }
        return switch (first.value()) {
            case "CREATE" -> parseCreate();
            case "ALTER" -> parseAlter();
            case "DROP" -> parseDrop();
            case "DESC", "DESCRIBE" -> parseDescribe();
            case "SHOW" -> parseShow();
            case "GRANT" -> {
                cursor.advance();
                yield new GrantStatementParser(cursor).parseGrant();
            }
            case "REVOKE" -> {
                cursor.advance();
                yield new GrantStatementParser(cursor).parseRevoke();
            }
            case "USE" -> {
                cursor.advance();
                yield sessions().parseUse();
            }
            case "BEGIN" -> {
                cursor.advance();
                yield sessions().parseBegin();
            }
            case "START" -> {
                cursor.advance();
                yield sessions().parseStart();
            }
            case "COMMIT" -> {
                cursor.advance();
                yield sessions().parseCommit();
            }
            case "ROLLBACK" -> {
                cursor.advance();
                yield sessions().parseRollback();
            }
            case "SELECT" -> new Statement.Select(new QueryParser(cursor, source).parseQuery());
            default -> throw cursor.unexpected();
        };
    }

    private Statement parseCreate() {
        cursor.expectKeyword("CREATE");
        boolean orReplace = cursor.acceptKeyword("OR");
        if (orReplace) {
            cursor.expectKeyword("REPLACE");
        }
        if (cursor.acceptKeyword("USER")) {
            return users().parseCreate(orReplace);
        }
        Optional<Statement.ObjectType> type = ObjectStatementParser.acceptType(cursor, false);
        if (type.isPresent()) {
            return objects().parseCreate(type.get(), orReplace);
        }
        cursor.expectKeyword("ROLE");
        return roles().parseCreate(orReplace);
    }

    private Statement parseAlter() {
        cursor.expectKeyword("ALTER");
        if (cursor.acceptKeyword("USER")) {
            return users().parseAlter();
        }
        if (cursor.acceptKeyword("ACCOUNT")) {
            return new AccountStatementParser(cursor).parseAlterAccount();
        }
        // ALTER SESSION SET is the session's parameters; ALTER SESSION POLICY is an object.
        if (cursor.isKeyword("SESSION") && !cursor.isKeyword(1, "POLICY")) {
            cursor.advance();
            return sessions().parseAlterSession();
        }
        Statement.ObjectType type = ObjectStatementParser.acceptType(cursor, true).orElseThrow(cursor::unexpected);
        return objects().parseAlter(type);
    }

    private Statement parseDrop() {
        cursor.expectKeyword("DROP");
        if (cursor.acceptKeyword("USER")) {
            return users().parseDrop();
        }
        Optional<Statement.ObjectType> type = ObjectStatementParser.acceptType(cursor, true);
        if (type.isPresent()) {
            return objects().parseDrop(type.get());
        }
        cursor.expectKeyword("ROLE");
        return roles().parseDrop();
    }

    private Statement parseDescribe() {
        cursor.advance();
        Optional<Statement.ObjectType> type = ObjectStatementParser.acceptType(cursor, true);
        if (type.isPresent()) {
            return objects().parseDescribe(type.get());
        }
        cursor.expectKeyword("USER");
        return users().parseDescribe();
    }

    private Statement parseShow() {
        cursor.expectKeyword("SHOW");
        if (cursor.acceptKeyword("USERS")) {
            return users().parseShow();
        }
        if (cursor.acceptKeyword("USER")) {
            return users().parseShowTokens();
        }
        if (cursor.acceptKeyword("ROLES")) {
            return roles().parseShow();
        }
        Optional<Statement.ObjectType> type = ObjectStatementParser.acceptPluralType(cursor);
        if (type.isPresent()) {
            return objects().parseShow(type.get());
        }
        cursor.expectKeyword("GRANTS");
        return new GrantStatementParser(cursor).parseShowGrants();
    }

    private UserStatementParser users() {
        return new UserStatementParser(cursor);
    }

    private RoleStatementParser roles() {
        return new RoleStatementParser(cursor);
    }

    private ObjectStatementParser objects() {
        return new ObjectStatementParser(cursor);
    }

    private SessionStatementParser sessions() {
        return new SessionStatementParser(cursor);
    }
}
