#[derive(Table)]
#[index(columns(a_rather_long_column_name_for_testing, another_rather_long_column_name_here))]
#[unique(columns(a_rather_long_column_name_for_testing, another_rather_long_column_name_here))]
pub struct AVeryLongTableNameThatKeepsGoingAndGoing {
    pub a_rather_long_column_name_for_testing: i64,
    #[column(references = "a_very_long_table_name_that_keeps_going_and_going.id")]
    pub another_rather_long_column_name_here: i64,
    #[column(primary_key)]
    pub id: i64,
}
