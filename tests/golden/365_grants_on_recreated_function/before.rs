use shale::Function;

#[derive(Function)]
#[function(name = "answer", returns = "integer", language = "sql", sql = "SELECT 42")]
#[grant(execute, to = "app_ro")]
pub struct Answer;

#[derive(Function)]
#[function(name = "tidy", procedure, language = "plpgsql", sql = "BEGIN END")]
#[grant(execute, to = "app_admin")]
pub struct Tidy;
