package org.frontline.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.frontline.broker.testing.CommandRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The dashboard in a real headless Chromium, driven through the system's chromedriver, against
 * {@code run --follow} on the seeds: the page shows what the query API answers, follows a new article
 * live without a reload, and highlights the figures and quotations of an article in its text.
 */
class DashboardIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Pattern HTTP_URL = Pattern.compile("Accepting POST (http://\\S+)/articles");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KHERSON = "Four civilians were killed in Kherson on Monday when a shell hit a bus "
            + "stop, the regional governor said.";
    /** The text of a highlight without the labels inside it, its own or those of nested highlights. */
    private static final String HIGHLIGHTED_TEXT = "return Array.from(document.querySelectorAll("
            + "'mark[data-kind=\"' + arguments[0] + '\"][data-index=\"' + arguments[1] + '\"]')).map(m => {"
            + " const c = m.cloneNode(true); c.querySelectorAll('.hl-label').forEach(l => l.remove());"
            + " return c.textContent; }).join('');";

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void browserInstalled() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String missing = "DashboardIT needs " + CHROMIUM + " and " + CHROMEDRIVER
                + " (Debian: apt-get install chromium chromium-driver)";
        if ("true".equals(System.getenv("CI"))) {
            fail(missing + "; .ci/run installs them");
        }
        assumeTrue(false, missing + "; skipped. Install them to run it.");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void pageShowsTheApiTalliesFollowsANewArticleLiveAndHighlightsAnArticle() throws Exception {
        CommandRunner.Running running = Cli.start("run", "--follow",
                "--http", "0", "--partitions", "1", "--data", work.resolve("data").toString(),
                "--out", work.resolve("out").toString(), Path.of("..", "seeds").toString());
        WebDriver browser = null;
        try {
            await("HTTP server up").atMost(Duration.ofSeconds(120)).until(() -> HTTP_URL.matcher(running.output())
                    .find() || !running.isAlive());
            Matcher url = HTTP_URL.matcher(running.output());
            assertThat(url.find()).as(running.output()).isTrue();
            String base = url.group(1);
            long seeds;
            try (var files = Files.list(Path.of("..", "seeds"))) {
                seeds = files.filter(f -> f.toString().endsWith(".txt")).count();
            }
            // Every seed counted, and each figure and statement in some tally: the tallies have caught up.
            await("the seeds' tallies").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300))
                    .until(() -> caughtUp(base, seeds));

            browser = chromium(work.resolve("chromium"));
            browser.manage().window().setSize(new Dimension(1280, 2600));
            browser.get(base + "/");
            JavascriptExecutor js = (JavascriptExecutor) browser;
            WebDriver page = browser;
            assertThat(js.executeScript("return typeof window.Chart")).as("Chart.js from its WebJar")
                    .isEqualTo("function");

            JsonNode summary = getOk(base + "/api/summary");
            JsonNode casualties = getOk(base + "/api/casualties");
            JsonNode speakers = getOk(base + "/api/speakers?limit=15");
            await("page shows the API's tallies").atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                assertThat(value(page, "[data-testid=articles-total]")).isEqualTo(summary.get("articles").asLong());
                assertThat(value(page, "[data-testid=statements-total]"))
                        .isEqualTo(summary.get("statements").asLong());
                assertThat(value(page, "[data-testid=casualty-figures-total]"))
                        .isEqualTo(summary.get("casualty_figures").asLong());
                assertThat(casualtyRows(page)).isEqualTo(casualtyRows(casualties));
                assertThat(speakerRows(page)).isEqualTo(speakerRows(speakers));
                assertThat(page.findElements(By.cssSelector("#quote-feed li"))).isNotEmpty();
            });
            assertThat(casualties).isNotEmpty();
            // The article behind a latest cumulative figure is named by its title, linked to its view.
            JsonNode cumulative = null;
            for (JsonNode t : casualties) {
                if (!t.get("latest_cumulative_title").isNull()) {
                    cumulative = t;
                }
            }
            assertThat(cumulative).as("a tally whose latest cumulative figure's article has a title").isNotNull();
            String cumulativeKey = cumulative.get("outcome").asText() + "|" + cumulative.get("victims").asText() + "|"
                    + (cumulative.get("party").isNull() ? "-" : cumulative.get("party").asText());
            WebElement source = browser.findElement(By.cssSelector("#casualty-rows tr[data-key='" + cumulativeKey
                    + "'] td[data-field=latest_cumulative_article] a"));
            assertThat(source.getText()).isEqualTo(cumulative.get("latest_cumulative_title").asText());
            assertThat(source.getDomAttribute("href")).contains(cumulative.get("latest_cumulative_article").asText());
            screenshot(browser, "dashboard.png");

            // A new article arrives: the page follows it over the event stream, without reloading.
            js.executeScript("window.dashboardItMarker = 'still here';");
            Object loadedAt = js.executeScript("return window.frontline.loadedAt");
            Map<String, List<Long>> before = casualtyRows(casualties);
            long articles = summary.get("articles").asLong();
            assertThat(post(base, KHERSON)).isEqualTo(202);
            // Which party the extractor gives Kherson is its business: find the killed-civilians tally that grew.
            String key = await("the API counts the new article").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200)).until(() -> grownBy(before, getOk(base + "/api/casualties"),
                            "killed|civilians|", 4), k -> k != null);
            long killed = before.getOrDefault(key, List.of(0L)).get(0);
            await("the page follows within a few seconds").atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(value(page, "tr[data-key='" + key + "'] td[data-field=incident_total]"))
                        .isEqualTo(killed + 4);
                assertThat(value(page, "[data-testid=articles-total]")).isEqualTo(articles + 1);
            });
            assertThat(js.executeScript("return window.dashboardItMarker")).as("no reload").isEqualTo("still here");
            assertThat(js.executeScript("return window.frontline.loadedAt")).isEqualTo(loadedAt);
            assertThat(casualtyRows(page)).isEqualTo(casualtyRows(getOk(base + "/api/casualties")));
            screenshot(browser, "dashboard-updated.png");

            // The month chart's table follows the victims filter.
            new Select(browser.findElement(By.id("monthly-victims"))).selectByValue("civilians");
            await("monthly table filtered").atMost(Duration.ofSeconds(10))
                    .ignoreExceptionsInstanceOf(StaleElementReferenceException.class).untilAsserted(() ->
                    assertThat(page.findElements(By.cssSelector("#monthly-rows tr td:nth-of-type(2)")))
                            .isNotEmpty().allSatisfy(cell -> assertThat(cell.getDomProperty("textContent"))
                                    .isEqualTo("civilians")));

            // An article's view: each figure and quotation highlighted in the text and labelled.
            JsonNode seed = null;
            for (JsonNode row : getOk(base + "/api/articles?limit=50")) {
                if (row.get("casualties").asInt() > 0 && row.get("statements").asInt() > 0) {
                    seed = getOk(base + "/api/articles/" + row.get("id").asText());
                    break;
                }
            }
            assertThat(seed).as("a seed with figures and quotations").isNotNull();
            browser.get(base + "/?article=" + seed.get("article").get("id").asText());
            JsonNode figure = seed.get("casualties").get(0);
            JsonNode quote = seed.get("statements").get(0);
            // The page highlights from the offsets the extractor recorded in the full text (title, blank line, body).
            JsonNode article = seed.get("article");
            String fullText = article.get("title").isNull() ? article.get("body").asText()
                    : article.get("title").asText() + "\n\n" + article.get("body").asText();
            assertThat(fullText.substring(figure.get("start").asInt(), figure.get("end").asInt()))
                    .isEqualTo(figure.get("evidence").asText());
            assertThat(fullText.substring(quote.get("start").asInt(), quote.get("end").asInt()))
                    .isEqualTo(quote.get("quote").asText());
            assertThat(figure.get("rule").asText()).isNotBlank();
            assertThat(quote.get("sieve").asText()).isNotBlank();
            await("article highlighted").atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                assertThat(js.executeScript(HIGHLIGHTED_TEXT, "figure", 0)).isEqualTo(figure.get("evidence").asText());
                assertThat(js.executeScript(HIGHLIGHTED_TEXT, "quote", 0)).isEqualTo(quote.get("quote").asText());
            });
            WebElement figureMark = browser.findElement(By.id("figure-0"));
            assertThat(figureMark.getTagName()).isEqualTo("mark");
            assertThat(figureMark.getDomAttribute("class")).contains("hl-figure");
            String label = figureMark.findElement(By.className("hl-label")).getText();
            assertThat(label.toLowerCase()).contains(figure.get("outcome").asText());
            assertThat(label.replaceAll("[^0-9]", "")).isEqualTo(figure.get("count").asText());
            assertThat(browser.findElement(By.id("quote-0")).findElement(By.className("hl-label")).getText())
                    .containsIgnoringCase(quote.get("speaker").asText());
            assertThat(browser.findElement(By.cssSelector("[data-testid=legend]")).getText())
                    .contains("casualty figure", "quotation");
            screenshot(browser, "dashboard-article.png");

            browser.manage().window().setSize(new Dimension(390, 2600));
            browser.get(base + "/");
            await("narrow page").atMost(Duration.ofSeconds(15)).until(() -> value(page,
                    "[data-testid=articles-total]") == articles + 1);
            screenshot(browser, "dashboard-narrow.png");
        } finally {
            if (browser != null) {
                browser.quit();
            }
            running.stop(Duration.ofSeconds(90));
        }
        assertThat(running.isAlive()).isFalse();
        assertThat(running.exit()).as(running.output()).isZero();
    }

    /** Chromium from the system, through the system's chromedriver: Selenium Manager never downloads. */
    private static WebDriver chromium(Path profile) {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private boolean caughtUp(String base, long seeds) throws Exception {
        JsonNode summary = getOk(base + "/api/summary");
        JsonNode casualties = getOk(base + "/api/casualties");
        JsonNode speakers = getOk(base + "/api/speakers");
        if (summary == null || casualties == null || speakers == null || summary.get("articles").asLong() != seeds) {
            return false;
        }
        long reports = 0;
        for (JsonNode tally : casualties) {
            reports += tally.get("reports").asLong();
        }
        long statements = 0;
        for (JsonNode tally : speakers) {
            statements += tally.get("statements").asLong();
        }
        return reports == summary.get("casualty_figures").asLong() && statements == summary.get("statements").asLong();
    }

    /** Incident total, latest cumulative (-1 for none) and reports per tally key, as the API answers. */
    private static Map<String, List<Long>> casualtyRows(JsonNode tallies) {
        Map<String, List<Long>> rows = new HashMap<>();
        for (JsonNode t : tallies) {
            String party = t.get("party").isNull() ? "-" : t.get("party").asText();
            rows.put(t.get("outcome").asText() + "|" + t.get("victims").asText() + "|" + party, List.of(
                    t.get("incident_total").asLong(), t.get("latest_cumulative").asLong(-1),
                    t.get("reports").asLong()));
        }
        return rows;
    }

    /** The same, as the page shows them: read in one script, so a row replaced meanwhile cannot go stale. */
    private static Map<String, List<Long>> casualtyRows(WebDriver page) {
        Map<String, List<Long>> rows = new HashMap<>();
        for (List<?> row : rows(page, "#casualty-rows tr", "key", "incident_total", "latest_cumulative", "reports")) {
            rows.put((String) row.get(0), List.of(number(row.get(1)), number(row.get(2)), number(row.get(3))));
        }
        return rows;
    }

    private static Map<String, Long> speakerRows(JsonNode speakers) {
        Map<String, Long> rows = new HashMap<>();
        speakers.forEach(s -> rows.put(s.get("speaker").asText(), s.get("statements").asLong()));
        return rows;
    }

    private static Map<String, Long> speakerRows(WebDriver page) {
        Map<String, Long> rows = new HashMap<>();
        for (List<?> row : rows(page, "#speaker-rows tr", "speaker", "statements")) {
            rows.put((String) row.get(0), number(row.get(1)));
        }
        return rows;
    }

    /** Each row's {@code data-ID} attribute, then the data-value of each of its cells with {@code data-field}. */
    private static List<List<?>> rows(WebDriver page, String css, String id, String... fields) {
        Object rows = ((JavascriptExecutor) page).executeScript("return Array.from(document.querySelectorAll("
                + "arguments[0])).map(r => [r.dataset[arguments[1]]].concat(arguments[2].map(f => "
                + "(r.querySelector('td[data-field=' + f + ']') || {dataset: {}}).dataset.value || '')));",
                css, id, List.of(fields));
        List<List<?>> list = new ArrayList<>();
        ((List<?>) rows).forEach(row -> list.add((List<?>) row));
        return list;
    }

    /** The raw number behind a displayed one (its data-value), or -1 while there is none. */
    private static long value(WebDriver page, String css) {
        return number(((JavascriptExecutor) page).executeScript(
                "const e = document.querySelector(arguments[0]); return e ? e.dataset.value || '' : '';", css));
    }

    private static long number(Object value) {
        return value == null || value.toString().isEmpty() ? -1 : Long.parseLong(value.toString());
    }

    /** The key starting with {@code prefix} whose incident total grew by {@code by}, or null. */
    private static String grownBy(Map<String, List<Long>> before, JsonNode tallies, String prefix, long by) {
        if (tallies == null) {
            return null;
        }
        for (Map.Entry<String, List<Long>> now : casualtyRows(tallies).entrySet()) {
            long was = before.getOrDefault(now.getKey(), List.of(0L)).get(0);
            if (now.getKey().startsWith(prefix) && now.getValue().get(0) == was + by) {
                return now.getKey();
            }
        }
        return null;
    }

    private static void screenshot(WebDriver browser, String name) throws Exception {
        Path target = Files.createDirectories(Path.of("target"));
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private int post(String base, String text) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/articles")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(text)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    /** The JSON of a 200 answer, or null for any other (503 while the tallies are restoring). */
    private JsonNode getOk(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }
}
