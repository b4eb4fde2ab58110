//! Schemas shared by the renderer's unit tests and the PostgreSQL acceptance
//! tests (`tests/tests/differ_pg.rs` includes this file by path): small
//! builders and one pair of schemas whose plan uses every step variant.
#![allow(dead_code)]

use shale_model::{
    CheckConstraint, Column, ColumnType, Deferrable, Enum, Extension, ForeignKey, ForeignKeyAction,
    Identity, Index, IndexKey, IndexTarget, NullsOrder, Policy, PolicyCommand, PrimaryKey,
    QualifiedName, RenameHints, RowLevelSecurity, Schema, Sequence, SequenceOptions, SequenceOwner,
    SequenceType, SortOrder, Table, UniqueConstraint,
};

pub fn q(name: &str) -> QualifiedName {
    match name.split_once('.') {
        Some((ns, n)) => QualifiedName::new(ns, n),
        None => QualifiedName::public(name),
    }
}

pub fn col(name: &str, ty: &str) -> Column {
    Column::new(name, ColumnType::named(ty))
}

pub fn nullable(mut c: Column) -> Column {
    c.nullable = true;
    c
}

pub fn with_default(mut c: Column, default: &str) -> Column {
    c.default = Some(default.into());
    c
}

pub fn table(name: &str, columns: Vec<Column>) -> Table {
    let qn = q(name);
    let mut t = Table::new(qn.clone());
    t.columns = columns;
    t.primary_key = Some(PrimaryKey {
        comment: None,
        deferrable: Default::default(),
        name: format!("{}_pkey", qn.name),
        columns: vec!["id".into()],
    });
    t
}

pub fn index(name: &str, keys: Vec<IndexKey>) -> Index {
    Index {
        comment: None,
        name: name.into(),
        unique: false,
        nulls_not_distinct: false,
        method: "btree".into(),
        keys,
        include: vec![],
        predicate: None,
    }
}

pub fn fk(
    name: &str,
    columns: &[&str],
    referenced: &str,
    referenced_columns: &[&str],
) -> ForeignKey {
    ForeignKey {
        comment: None,
        not_valid: false,
        match_full: false,
        name: name.into(),
        columns: columns.iter().map(|c| c.to_string()).collect(),
        referenced_table: q(referenced),
        referenced_columns: referenced_columns.iter().map(|c| c.to_string()).collect(),
        on_delete: ForeignKeyAction::NoAction,
        on_update: ForeignKeyAction::NoAction,
        deferrable: Deferrable::No,
    }
}

pub fn enum_(name: &str, values: &[&str]) -> Enum {
    Enum {
        name: q(name),
        values: values.iter().map(|v| v.to_string()).collect(),
        comment: None,
    }
}

pub fn schema(tables: Vec<Table>, enums: Vec<Enum>) -> Schema {
    let mut s = Schema {
        enums,
        tables,
        ..Schema::default()
    };
    s.normalize();
    s
}

/// A pair of schemas whose plan uses every step variant, with the hints that
/// settle its renames and drops.
pub fn every_step() -> (Schema, Schema, RenameHints) {
    // previous
    let mut accounts = table(
        "accounts",
        vec![
            col("id", "bigint"),
            col("email", "text"),
            nullable(col("nick", "text")),
            nullable(col("legacy", "text")),
            col("score", "integer"),
            col("counter", "integer"),
            with_default(col("plan", "text"), "'free'"),
            col("seq", "serial"),
            col("big", "serial"),
            {
                let mut c = col("ident", "bigint");
                c.identity = Some(Identity::ByDefault);
                c
            },
            {
                let mut c = col("doubled", "integer");
                c.generated = Some("score * 2".into());
                c
            },
            {
                let mut c = col("frozen", "integer");
                c.generated = Some("score + 1".into());
                c
            },
            Column::new("status", ColumnType::enum_(q("status"))),
            {
                let mut c = col("ticket", "bigint");
                c.identity = Some(Identity::Always);
                c
            },
        ],
    );
    accounts.columns[12].default = Some("'active'".into());
    accounts.uniques.push(UniqueConstraint {
        comment: None,
        deferrable: Default::default(),
        name: "accounts_email_key".into(),
        columns: vec!["email".into()],
        nulls_not_distinct: false,
    });
    accounts.checks.push(CheckConstraint {
        comment: None,
        not_valid: false,
        no_inherit: false,
        name: "accounts_score_check".into(),
        expr: "score >= 0".into(),
    });
    accounts
        .indexes
        .push(index("accounts_nick_idx", vec![IndexKey::column("nick")]));
    accounts
        .indexes
        .push(index("accounts_plan_idx", vec![IndexKey::column("plan")]));
    let mut old_logs = table(
        "old_logs",
        vec![col("id", "bigint"), col("account_id", "bigint")],
    );
    old_logs.foreign_keys.push(fk(
        "old_logs_account_id_fkey",
        &["account_id"],
        "accounts",
        &["id"],
    ));
    let mut trash = table(
        "trash",
        vec![col("id", "bigint"), nullable(col("account_email", "text"))],
    );
    trash.foreign_keys.push(fk(
        "trash_account_email_fkey",
        &["account_email"],
        "accounts",
        &["email"],
    ));
    let junk = table("junk", vec![col("id", "bigint")]);
    let archive = table("archive", vec![col("id", "bigint")]);
    let previous = schema(
        vec![accounts, old_logs, trash, junk, archive],
        vec![
            enum_("status", &["active", "banned", "gone"]),
            enum_("color", &["red", "green"]),
            enum_("size", &["s", "l"]),
            enum_("legacy.mood", &["ok"]),
        ],
    );

    // next
    let mut accounts = table(
        "accounts",
        vec![
            col("id", "bigint"),
            col("email", "text"),
            nullable(col("handle", "text")),
            // score: integer → bigint
            col("score", "bigint"),
            // counter: integer → serial
            col("counter", "serial"),
            // plan: default dropped, nullable now
            nullable(col("plan", "text")),
            // seq: serial → integer
            col("seq", "integer"),
            // big: serial → bigserial
            col("big", "bigserial"),
            // ident: by default → always, and sequence options
            {
                let mut c = col("ident", "bigint");
                c.identity = Some(Identity::Always);
                c.identity_options = SequenceOptions {
                    start: Some(100),
                    increment: Some(10),
                    cache: Some(20),
                    ..SequenceOptions::default()
                };
                c
            },
            // doubled: new expression
            {
                let mut c = col("doubled", "integer");
                c.generated = Some("score * 3".into());
                c
            },
            // frozen: a plain column now
            col("frozen", "integer"),
            {
                let mut c = Column::new("status", ColumnType::enum_(q("status")));
                c.default = Some("'active'".into());
                c.comment = Some("where the account stands".into());
                c
            },
            with_default(nullable(col("added", "timestamptz")), "now()"),
            {
                let mut c = col("shade", "integer");
                c.identity = Some(Identity::Always);
                c.identity_options = SequenceOptions {
                    start: Some(5),
                    max: Some(1000),
                    cycle: true,
                    ..SequenceOptions::default()
                };
                c
            },
            Column::new("colors", ColumnType::enum_(q("colour")).array_of()),
            // ticket: no longer an identity
            nullable(col("ticket", "bigint")),
        ],
    );
    accounts.uniques.push(UniqueConstraint {
        comment: None,
        deferrable: Default::default(),
        name: "accounts_email_key".into(),
        columns: vec!["email".into()],
        nulls_not_distinct: true,
    });
    accounts.checks.push(CheckConstraint {
        comment: None,
        not_valid: false,
        no_inherit: false,
        name: "accounts_score_positive".into(),
        expr: "score >= 0".into(),
    });
    accounts.indexes.push(index(
        "accounts_handle_idx",
        vec![IndexKey::column("handle")],
    ));
    accounts.indexes.push(index(
        "accounts_plan_idx",
        vec![IndexKey {
            target: IndexTarget::Expression("lower(plan)".into()),
            ..IndexKey::column("x")
        }],
    ));
    accounts.comment = Some("people's accounts".into());
    let mut logs = table(
        "logs",
        vec![
            col("id", "bigint"),
            col("account_id", "bigint"),
            col("at", "timestamptz"),
        ],
    );
    logs.primary_key = Some(PrimaryKey {
        comment: None,
        deferrable: Default::default(),
        name: "logs_pkey".into(),
        columns: vec!["id".into()],
    });
    logs.foreign_keys.push(ForeignKey {
        on_delete: ForeignKeyAction::Cascade,
        deferrable: Deferrable::InitiallyDeferred,
        ..fk("logs_account_id_fkey", &["account_id"], "accounts", &["id"])
    });
    logs.checks.push(CheckConstraint {
        comment: None,
        not_valid: false,
        no_inherit: false,
        name: "logs_at_check".into(),
        expr: "at > '2000-01-01'".into(),
    });
    let mut members = table(
        "auth.members",
        vec![
            {
                let mut c = col("id", "bigint");
                c.identity = Some(Identity::Always);
                c
            },
            col("account_id", "bigint"),
            col("name", "varchar(100)"),
            nullable(col("tags", "text[]")),
            {
                let mut c = col("name_len", "integer");
                c.generated = Some("length(name)".into());
                c
            },
            with_default(col("size", "size"), "'m'"),
        ],
    );
    members.columns[5].ty = ColumnType::enum_(q("size"));
    members.uniques.push(UniqueConstraint {
        comment: None,
        deferrable: Default::default(),
        name: "members_account_id_name_key".into(),
        columns: vec!["account_id".into(), "name".into()],
        nulls_not_distinct: false,
    });
    members.checks.push(CheckConstraint {
        comment: None,
        not_valid: false,
        no_inherit: false,
        name: "members_name_check".into(),
        expr: "name <> ''".into(),
    });
    members.indexes.push(Index {
        unique: true,
        nulls_not_distinct: true,
        method: "btree".into(),
        include: vec!["tags".into()],
        predicate: Some("account_id > 0".into()),
        ..index(
            "members_lower_name_idx",
            vec![
                IndexKey {
                    target: IndexTarget::Expression("lower(name)".into()),
                    ..IndexKey::column("x")
                },
                IndexKey {
                    target: IndexTarget::Column("account_id".into()),
                    order: SortOrder::Desc,
                    nulls: Some(NullsOrder::Last),
                    opclass: Some("int8_ops".into()),
                },
            ],
        )
    });
    members.indexes.push(Index {
        method: "gin".into(),
        ..index("members_tags_idx", vec![IndexKey::column("tags")])
    });
    members.foreign_keys.push(fk(
        "members_account_id_fkey",
        &["account_id"],
        "accounts",
        &["id"],
    ));
    members.comment = Some("members of an account".into());
    let mut trash = table(
        "trash",
        vec![col("id", "bigint"), nullable(col("account_email", "text"))],
    );
    trash.foreign_keys.push(fk(
        "trash_account_email_fkey",
        &["account_email"],
        "accounts",
        &["email"],
    ));
    let mut colour = enum_("colour", &["red", "green", "blue"]);
    colour.comment = Some("paint".into());
    // Moved to another namespace; its primary key keeps its name.
    let archive = table("auth.archive", vec![col("id", "bigint")]);
    let next = schema(
        vec![accounts, logs, members, trash, archive],
        vec![
            enum_("status", &["active", "suspended"]),
            colour,
            enum_("size", &["s", "m", "l"]),
            enum_("auth.level", &["low", "high"]),
        ],
    );
    let (previous, next) = with_sequences_and_extensions(previous, next);
    let hints = RenameHints {
        sequences: vec![(q("old_numbers"), q("auth.numbers"))],
        dropped_sequences: vec![q("gone_seq")],
        tables: vec![
            (q("old_logs"), q("logs")),
            (q("archive"), q("auth.archive")),
        ],
        columns: vec![(q("accounts"), "nick".into(), "handle".into())],
        enums: vec![(q("color"), q("colour"))],
        enum_values: vec![(q("status"), "banned".into(), "suspended".into())],
        dropped_columns: vec![(q("accounts"), "legacy".into())],
        dropped_enums: vec![q("legacy.mood")],
        dropped_enum_values: vec![(q("status"), "gone".into())],
        ..Default::default()
    };
    let (mut previous, mut next) = (previous, next);
    add_row_level_security(&mut previous, &mut next);
    add_grants(&mut previous, &mut next);
    add_validation(&mut previous, &mut next);
    let mut hints = hints;
    add_user_types(&mut previous, &mut next, &mut hints);
    (previous, next, hints)
}

/// Grants on `trash` (in both schemas): one revoked, one granted, one
/// losing its grant option; and on the `public` schema with its comment.
fn add_grants(previous: &mut Schema, next: &mut Schema) {
    use shale_model::{Grant, Namespace, Privilege};
    for (s, grants) in [
        (
            &mut *previous,
            vec![
                Grant::new("app_ro", Privilege::Select),
                Grant {
                    grant_option: true,
                    ..Grant::new("app_rw", Privilege::Insert)
                },
                Grant::new("app_rw", Privilege::Delete),
            ],
        ),
        (
            &mut *next,
            vec![
                Grant::new("app_rw", Privilege::Insert),
                Grant::new("app_rw", Privilege::Update),
                Grant::new("public", Privilege::Select),
            ],
        ),
    ] {
        if let Some(t) = s.tables.iter_mut().find(|t| t.name.name == "trash") {
            t.grants = grants;
        }
    }
    let mut public = Namespace::new("public");
    public.comment = Some("the application".into());
    public.grants = vec![Grant::new("app_ro", Privilege::Usage)];
    next.namespace_settings.push(public);
    previous.normalize();
    next.normalize();
}

/// A NOT VALID check on `trash` that becomes valid (validated in place)
/// and gets a comment; a comment on an index of `accounts`.
fn add_validation(previous: &mut Schema, next: &mut Schema) {
    for (s, not_valid, comment) in [
        (&mut *previous, true, None),
        (&mut *next, false, Some("checked")),
    ] {
        if let Some(t) = s.tables.iter_mut().find(|t| t.name.name == "trash") {
            t.checks.push(CheckConstraint {
                comment: comment.map(str::to_string),
                not_valid,
                no_inherit: false,
                name: "trash_id_positive".into(),
                expr: "id > 0".into(),
            });
        }
    }
    if let Some(i) = next
        .tables
        .iter_mut()
        .find(|t| t.name.name == "accounts")
        .and_then(|t| {
            t.indexes
                .iter_mut()
                .find(|i| i.name == "accounts_handle_idx")
        })
    {
        i.comment = Some("by handle".into());
    }
    previous.normalize();
    next.normalize();
}

/// Domains and composite types: one created, one dropped, one renamed
/// with its default, nullability and checks changed (one check renamed),
/// one whose base type changes under a column (replaced); a composite type
/// created, one dropped, one with attributes dropped, retyped, renamed and
/// added.
fn add_user_types(previous: &mut Schema, next: &mut Schema, hints: &mut RenameHints) {
    use shale_model::{BaseType, CompositeAttribute, CompositeType, Domain, DomainCheck};
    let check = |name: &str, expr: &str| DomainCheck {
        name: name.into(),
        expr: expr.into(),
    };
    let user = |name: &str| ColumnType {
        base: BaseType::UserType(q(name)),
        array_dims: 0,
    };
    let attribute = |name: &str, ty: ColumnType| CompositeAttribute {
        name: name.into(),
        ty,
    };
    let mut email_old = Domain::new(q("email_old"), ColumnType::named("text"));
    email_old.checks = vec![
        check("has_at", "VALUE ~ '@'"),
        check("old_not_empty", "VALUE <> ''"),
    ];
    let mut email = Domain::new(q("email"), ColumnType::named("text"));
    email.default = Some("'nobody@example.com'".into());
    email.not_null = true;
    email.checks = vec![
        check("has_at", "VALUE ~ '^[^@]+@[^@]+$'"),
        check("not_empty", "VALUE <> ''"),
    ];
    let mut fresh = Domain::new(q("posint"), ColumnType::named("integer"));
    fresh.checks = vec![check("posint_check", "VALUE > 0")];
    fresh.comment = Some("a positive integer".into());
    let code = |ty: &str| Domain::new(q("code"), ColumnType::named(ty));
    let contacts = |s: &mut Schema| {
        s.tables.push(table(
            "contacts",
            vec![col("id", "bigint"), Column::new("code", user("code"))],
        ));
    };
    previous.domains = vec![
        email_old,
        code("varchar(5)"),
        Domain::new(q("gone_domain"), ColumnType::named("text")),
    ];
    next.domains = vec![email, code("varchar(10)"), fresh];
    contacts(previous);
    contacts(next);
    previous.composite_types = vec![
        CompositeType {
            name: q("address"),
            attributes: vec![
                attribute("street", ColumnType::named("text")),
                attribute("zip", ColumnType::named("integer")),
                attribute("town", ColumnType::named("text")),
            ],
            comment: None,
        },
        CompositeType {
            name: q("gone_type"),
            attributes: vec![attribute("a", ColumnType::named("text"))],
            comment: None,
        },
    ];
    next.composite_types = vec![
        CompositeType {
            name: q("address"),
            attributes: vec![
                attribute("zip", ColumnType::named("bigint")),
                attribute("city", ColumnType::named("text")),
                attribute("country", ColumnType::named("text")),
            ],
            comment: Some("a postal address".into()),
        },
        CompositeType {
            name: q("pair"),
            attributes: vec![
                attribute("n", user("posint")),
                attribute("mail", user("email")),
            ],
            comment: None,
        },
    ];
    previous.normalize();
    next.normalize();
    hints.user_types = vec![(q("email_old"), q("email"))];
    hints.attributes = vec![(q("address"), "town".into(), "city".into())];
}

/// Row-level security on `trash` (in both schemas): enabled and forced
/// only in `next`; policies dropped, created, altered (roles and USING),
/// renamed, and one recreated because its command changes.
fn add_row_level_security(previous: &mut Schema, next: &mut Schema) {
    let policy = |name: &str, command: PolicyCommand, using: Option<&str>| {
        let mut p = Policy::new(name);
        p.command = command;
        p.using = using.map(Into::into);
        p
    };
    fn trash(s: &mut Schema) -> &mut Table {
        s.tables
            .iter_mut()
            .find(|t| t.name.name == "trash")
            .expect("the fixture has a table trash")
    }
    let (p, n) = (trash(previous), trash(next));
    p.policies = vec![
        policy("trash_gone", PolicyCommand::All, Some("id > 0")),
        policy("trash_read", PolicyCommand::Select, Some("id > 0")),
        policy("trash_old_name", PolicyCommand::Delete, Some("id > 10")),
        policy("trash_write", PolicyCommand::Update, Some("true")),
    ];
    let mut restrictive = policy("trash_new", PolicyCommand::Insert, None);
    restrictive.permissive = false;
    restrictive.with_check = Some("account_email IS NOT NULL".into());
    n.row_level_security = RowLevelSecurity {
        enabled: true,
        forced: true,
    };
    n.policies = vec![
        restrictive,
        policy("trash_read", PolicyCommand::Select, Some("id > 1")),
        policy("trash_renamed", PolicyCommand::Delete, Some("id > 10")),
        policy("trash_write", PolicyCommand::All, Some("true")),
    ];
    previous.normalize();
    next.normalize();
}

/// Adds to [`every_step`]'s schemas one of each sequence and extension
/// change: created, altered, renamed and moved, re-owned, dropped; an
/// extension created, updated and moved, one dropped.
fn with_sequences_and_extensions(mut previous: Schema, mut next: Schema) -> (Schema, Schema) {
    let mut owned = Sequence::new(q("owned_seq"));
    owned.owned_by = Some(SequenceOwner {
        table: q("accounts"),
        column: "id".into(),
    });
    previous.sequences = vec![
        Sequence::new(q("counters")),
        Sequence::new(q("old_numbers")),
        Sequence::new(q("gone_seq")),
        owned.clone(),
    ];
    previous.extensions = vec![Extension::new("hstore"), Extension::new("pg_trgm")];
    let mut counters = Sequence::new(q("counters"));
    counters.data_type = SequenceType::Integer;
    counters.options = SequenceOptions {
        increment: Some(5),
        max: Some(1_000_000),
        cache: Some(10),
        cycle: true,
        ..SequenceOptions::default()
    };
    let mut fresh = Sequence::new(q("fresh"));
    fresh.data_type = SequenceType::Smallint;
    fresh.options = SequenceOptions {
        start: Some(-1),
        increment: Some(-1),
        ..SequenceOptions::default()
    };
    fresh.owned_by = owned.owned_by.take();
    fresh.comment = Some("counts down".into());
    next.sequences = vec![counters, Sequence::new(q("auth.numbers")), owned, fresh];
    let mut trgm = Extension::new("pg_trgm");
    trgm.schema = Some("auth".into());
    trgm.version = Some("1.6".into());
    next.extensions = vec![Extension::new("citext"), trgm];
    add_routines(&mut previous, &mut next);
    previous.normalize();
    next.normalize();
    (previous, next)
}

/// Functions replaced, dropped, recreated and created; triggers dropped,
/// created and recreated around their function.
fn add_routines(previous: &mut Schema, next: &mut Schema) {
    use shale_model::{Argument, ArgumentMode, Function, Trigger, TriggerEvents, TriggerTiming};
    let touch = Function::new(q("touch"), "trigger", "BEGIN RETURN NEW; END");
    let mut old_fn = Function::new(q("old_fn"), "integer", "SELECT 1");
    old_fn.language = "sql".into();
    old_fn.arguments = vec![Argument {
        name: Some("n".into()),
        mode: ArgumentMode::In,
        ty: "integer".into(),
        default: None,
    }];
    let audit = Function::new(q("audit"), "trigger", "BEGIN RETURN NULL; END");
    let count = Function::new(q("count_rows"), "integer", "BEGIN RETURN 1; END");
    previous.functions = vec![touch.clone(), old_fn, audit.clone(), count.clone()];
    let mut touch2 = touch;
    touch2.body = "BEGIN NEW.at := now(); RETURN NEW; END".into();
    touch2.search_path = Some("public, pg_temp".into());
    touch2.comment = Some("stamps rows".into());
    let mut audit2 = audit;
    audit2.security_definer = true;
    // A new result type: dropped and created again.
    let mut count2 = count;
    count2.returns = Some("bigint".into());
    let mut tidy = Function::new(q("auth.tidy"), "void", "BEGIN END");
    tidy.procedure = true;
    tidy.returns = None;
    tidy.arguments = vec![Argument {
        name: Some("days".into()),
        mode: ArgumentMode::In,
        ty: "integer".into(),
        default: Some("30".into()),
    }];
    next.functions = vec![touch2, audit2, count2, tidy];
    let trigger = |name: &str, function: &str| Trigger {
        name: name.into(),
        timing: TriggerTiming::Before,
        events: TriggerEvents {
            insert: true,
            update: true,
            ..TriggerEvents::default()
        },
        update_of: Vec::new(),
        for_each_row: true,
        when: None,
        function: q(function),
        arguments: Vec::new(),
        comment: None,
    };
    let set = |s: &mut Schema, triggers: Vec<Trigger>| {
        s.tables
            .iter_mut()
            .find(|t| t.name == q("accounts"))
            .expect("the fixture has accounts")
            .triggers = triggers;
    };
    let mut audited = trigger("accounts_audit", "audit");
    audited.timing = TriggerTiming::After;
    audited.events = TriggerEvents {
        delete: true,
        ..TriggerEvents::default()
    };
    audited.for_each_row = false;
    audited.arguments = vec!["accounts".into(), "it's".into()];
    set(
        previous,
        vec![
            trigger("accounts_touch", "touch"),
            trigger("accounts_old", "touch"),
            audited.clone(),
        ],
    );
    let mut fresh = trigger("accounts_fresh", "touch");
    fresh.events.insert = false;
    fresh.update_of = vec!["id".into()];
    fresh.when = Some("OLD.id IS DISTINCT FROM NEW.id".into());
    fresh.comment = Some("new one".into());
    set(
        next,
        vec![trigger("accounts_touch", "touch"), fresh, audited],
    );
}

/// The hints that settle the way back, from `every_step().1` to `every_step().0`.
pub fn every_step_back_hints() -> RenameHints {
    RenameHints {
        tables: vec![
            (q("logs"), q("old_logs")),
            (q("auth.archive"), q("archive")),
        ],
        columns: vec![(q("accounts"), "handle".into(), "nick".into())],
        enums: vec![(q("colour"), q("color"))],
        enum_values: vec![(q("status"), "suspended".into(), "banned".into())],
        dropped_columns: vec![
            (q("accounts"), "added".into()),
            (q("accounts"), "shade".into()),
            (q("accounts"), "colors".into()),
        ],
        dropped_enums: vec![q("auth.level")],
        sequences: vec![(q("auth.numbers"), q("old_numbers"))],
        dropped_sequences: vec![q("fresh")],
        user_types: vec![(q("email"), q("email_old"))],
        attributes: vec![(q("address"), "city".into(), "town".into())],
        ..Default::default()
    }
}
