DROP TABLE `sessions`;
