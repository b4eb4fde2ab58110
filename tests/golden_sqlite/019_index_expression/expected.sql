CREATE TABLE "users" (
	"id" INTEGER NOT NULL,
	"email" TEXT NOT NULL,
	"meta" TEXT NOT NULL,
	PRIMARY KEY ("id" AUTOINCREMENT)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "users_expr_idx" ON "users" ((lower(email)));
--> statement-breakpoint
CREATE INDEX "users_plan_idx" ON "users" (((meta ->> 'plan')));
