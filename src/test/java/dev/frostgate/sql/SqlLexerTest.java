package dev.frostgate.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlLexerTest {

    private static List<TokenType> types(String sql) {
        return SqlLexer.tokenize(sql).stream().map(Token::type).toList();
    }

    private static Token single(String sql) {
        List<Token> tokens = SqlLexer.tokenize(sql);
        assertThat(tokens).hasSize(2);
        assertThat(tokens.get(1).type()).isEqualTo(TokenType.END_OF_INPUT);
        return tokens.getFirst();
    }

    @Test
    void unquotedIdentifiersAreUpperCasedAndKeepTheirRawText() {
        Token token = single("system$Decode_pat2");
        assertThat(token.type()).isEqualTo(TokenType.IDENTIFIER);
        assertThat(token.value()).isEqualTo("SYSTEM$DECODE_PAT2");
        assertThat(token.raw()).isEqualTo("system$Decode_pat2");
        assertThat(single("_x").value()).isEqualTo("_X");
    }

    @Test
    void quotedIdentifiersAreKeptExactly() {
        Token token = single("\"My \"\"odd\"\" User\"");
        assertThat(token.type()).isEqualTo(TokenType.QUOTED_IDENTIFIER);
        assertThat(token.value()).isEqualTo("My \"odd\" User");
        assertThat(single("\"select\"").value()).isEqualTo("select");
    }

    @Test
    void singleQuotedStringsUnescapeDoubledQuotesAndBackslashes() {
        assertThat(single("'it''s'").value()).isEqualTo("it's");
        assertThat(single("'it\\'s'").value()).isEqualTo("it's");
        assertThat(single("'a\\\\b'").value()).isEqualTo("a\\b");
        assertThat(single("'line\\nnext\\ttab'").value()).isEqualTo("line\nnext\ttab");
        assertThat(single("'\\q'").value()).isEqualTo("q");
        assertThat(single("''").value()).isEmpty();
        assertThat(single("'it''s'").raw()).isEqualTo("'it''s'");
    }

    @Test
    void dollarQuotedStringsTakeTheirContentLiterally() {
        Token token = single("$$it's a \\n\nmulti-line$$");
        assertThat(token.type()).isEqualTo(TokenType.STRING);
        assertThat(token.value()).isEqualTo("it's a \\n\nmulti-line");
    }

    @Test
    void numbers() {
        assertThat(SqlLexer.tokenize("42 3.14 .5 7. 1e3 2E-2").stream()
                .filter(token -> token.type() == TokenType.NUMBER).map(Token::value))
                .containsExactly("42", "3.14", ".5", "7.", "1e3", "2E-2");
        assertThat(types("1e")).containsExactly(TokenType.NUMBER, TokenType.IDENTIFIER, TokenType.END_OF_INPUT);
    }

    @Test
    void commentsAreSkipped() {
        assertThat(SqlLexer.tokenize("a -- one\nb // two\nc /* three\n four */ d").stream()
                .map(Token::value)).containsExactly("A", "B", "C", "D", "");
    }

    @Test
    void punctuation() {
        assertThat(types("( ) , . ; = != <> < <= > >= * - =>")).containsExactly(
                TokenType.LEFT_PARENTHESIS, TokenType.RIGHT_PARENTHESIS, TokenType.COMMA, TokenType.DOT,
                TokenType.SEMICOLON, TokenType.EQUALS, TokenType.NOT_EQUALS, TokenType.NOT_EQUALS, TokenType.LESS,
                TokenType.LESS_OR_EQUAL, TokenType.GREATER, TokenType.GREATER_OR_EQUAL, TokenType.STAR,
                TokenType.MINUS, TokenType.ARROW, TokenType.END_OF_INPUT);
        assertThat(types("a<=b")).containsExactly(
                TokenType.IDENTIFIER, TokenType.LESS_OR_EQUAL, TokenType.IDENTIFIER, TokenType.END_OF_INPUT);
    }

    @Test
    void tokensCarryOneBasedLinesAndColumns() {
        List<Token> tokens = SqlLexer.tokenize("select\n  'a\nb' ,\r\n\tx");
        assertThat(tokens).extracting(Token::value, Token::line, Token::column, Token::offset).containsExactly(
                tuple("SELECT", 1, 1, 0),
                tuple("a\nb", 2, 3, 9),
                tuple(",", 3, 4, 15),
                tuple("X", 4, 2, 19),
                tuple("", 4, 3, 20));
    }

    @Test
    void endOfInputSitsAfterTrailingWhitespaceAndComments() {
        Token end = SqlLexer.tokenize("x -- done\n").getLast();
        assertThat(end.type()).isEqualTo(TokenType.END_OF_INPUT);
        assertThat(end.line()).isEqualTo(2);
        assertThat(end.column()).isEqualTo(1);
        assertThat(end.unexpectedText()).isEqualTo("<EOF>");
        assertThat(SqlLexer.tokenize("")).extracting(Token::type).containsExactly(TokenType.END_OF_INPUT);
        assertThat(SqlLexer.tokenize(null)).extracting(Token::type).containsExactly(TokenType.END_OF_INPUT);
    }

    @Test
    void unknownCharactersAndUnterminatedTextBecomeInvalidTokens() {
        assertThat(SqlLexer.tokenize("a @ b")).extracting(Token::type, Token::raw).containsExactly(
                tuple(TokenType.IDENTIFIER, "a"), tuple(TokenType.INVALID, "@"),
                tuple(TokenType.IDENTIFIER, "b"), tuple(TokenType.END_OF_INPUT, ""));
        assertThat(SqlLexer.tokenize("x 'abc").get(1)).extracting(Token::type, Token::raw)
                .containsExactly(TokenType.INVALID, "'abc");
        assertThat(SqlLexer.tokenize("x 'abc\\'").get(1).type()).isEqualTo(TokenType.INVALID);
        assertThat(SqlLexer.tokenize("\"abc").getFirst().type()).isEqualTo(TokenType.INVALID);
        assertThat(SqlLexer.tokenize("$$abc").getFirst().type()).isEqualTo(TokenType.INVALID);
        assertThat(SqlLexer.tokenize("x /* open").get(1)).extracting(Token::type, Token::raw)
                .containsExactly(TokenType.INVALID, "/* open");
        assertThat(types("! / $ +")).containsExactly(TokenType.INVALID, TokenType.INVALID, TokenType.INVALID,
                TokenType.INVALID, TokenType.END_OF_INPUT);
    }
}
