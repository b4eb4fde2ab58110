use sqlparser::dialect::PostgreSqlDialect;
use sqlparser::parser::Parser;
fn main() {
    for sql in std::env::args().skip(1) {
        match Parser::parse_sql(&PostgreSqlDialect {}, &sql) {
            Ok(s) => for st in s { println!("OK {st}\n   {:?}", st); }
            Err(e) => println!("ERR {sql}: {e}"),
        }
    }
}
