CREATE TABLE `users` (`id` integer PRIMARY KEY AUTOINCREMENT, `email` text NOT NULL);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);
--> statement-breakpoint
ALTER TABLE `users` ADD `name` text;
