#[derive(Table)]
#[check(name = "prices_positive", expr = "amount > 0")]
#[check(expr = "amount < 1000000")]
#[check(expr = "currency <> ''")]
#[check(expr = "valid_from < valid_to")]
pub struct Price {
    pub id: i64,
    pub amount: i64,
    pub currency: String,
    pub valid_from: chrono::NaiveDate,
    pub valid_to: chrono::NaiveDate,
}
