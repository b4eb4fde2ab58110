CREATE TABLE "tasks" (
	"id" INTEGER NOT NULL,
	"status" TEXT NOT NULL DEFAULT 'todo',
	"previous_status" TEXT,
	PRIMARY KEY ("id" AUTOINCREMENT),
	CONSTRAINT "tasks_previous_status_enum" CHECK ("previous_status" IN ('todo', 'in_progress', 'done')),
	CONSTRAINT "tasks_status_enum" CHECK ("status" IN ('todo', 'in_progress', 'done'))
);
