package io.scamflow.screen;

import java.util.ArrayList;
import java.util.List;

/**
 * The name-variant test set: designated (listed) names, variants of each that must hit it
 * (transliterations, reordering, initials, typos, dropped middle names, other scripts), and
 * distractors that share a surname or a given name with a listed one and must not hit.
 */
final class NameVariants {
  private NameVariants() {}

  record Listed(String id, String name, String... aliases) {}

  record Probe(String name, String expectedId) {}

  static final List<Listed> LISTED =
      List.of(
          new Listed("E01", "Sergei Ivanovich Petrov", "Sergey Petrov"),
          new Listed("E02", "Aleksandr Nikolaevich Volkov", "Alexander Volkov"),
          new Listed("E03", "Mohammed Abdullah Al Rashid", "Muhammad Al-Rasheed"),
          new Listed("E04", "Wang Jianguo"),
          new Listed("E05", "Li Minghua", "Lee Ming Hua"),
          new Listed("E06", "Nguyen Van Thanh"),
          new Listed("E07", "Somchai Jaidee"),
          new Listed("E08", "Aung Kyaw Min", "U Aung Kyaw Min"),
          new Listed("E09", "Hun Sokha"),
          new Listed("E10", "Golden Fortune Trading Co Ltd", "Golden Fortune Trading Company"),
          new Listed("E11", "Jonathan Edward Whitfield"),
          new Listed("E12", "Maria Fernanda Castillo Rojas"),
          new Listed("E13", "Dmitri Olegovich Sokolov", "Dmitry Sokolov"),
          new Listed("E14", "Chen Weiming"),
          new Listed("E15", "Tran Thi Huong"),
          new Listed("E16", "Prakash Venkataraman"),
          new Listed("E17", "Oluwaseun Adebayo Okonkwo"),
          new Listed("E18", "Huang Zhiqiang Holdings Pte Ltd"),
          new Listed("E19", "Yusuf Ibrahim Khalil"),
          new Listed("E20", "Khin Maung Win"));

  static final List<Probe> MATCHES =
      List.of(
          // transliterations and other scripts
          new Probe("Сергей Иванович Петров", "E01"),
          new Probe("Sergej Petrov", "E01"),
          new Probe("Александр Волков", "E02"),
          new Probe("Aleksander Volkov", "E02"),
          new Probe("Mohamed Al Rashid", "E03"),
          new Probe("محمد الرشيد", "E03"),
          new Probe("王建国", "E04"),
          new Probe("Wang Jian Guo", "E04"),
          new Probe("李明华", "E05"),
          new Probe("Nguyễn Văn Thành", "E06"),
          new Probe("สมชาย ใจดี", "E07"),
          new Probe("ហ៊ុន សុខា", "E09"),
          new Probe("Golden Fortune Trading Co., Ltd.", "E10"),
          new Probe("Дмитрий Соколов", "E13"),
          new Probe("陈伟明", "E14"),
          new Probe("Trần Thị Hương", "E15"),
          // reordering
          new Probe("Petrov Sergei", "E01"),
          new Probe("Jianguo Wang", "E04"),
          new Probe("Whitfield, Jonathan Edward", "E11"),
          new Probe("Okonkwo Oluwaseun", "E17"),
          new Probe("Venkataraman Prakash", "E16"),
          // initials
          new Probe("J. E. Whitfield", "E11"),
          new Probe("S. I. Petrov", "E01"),
          new Probe("M. F. Castillo Rojas", "E12"),
          new Probe("Y. I. Khalil", "E19"),
          // typos
          new Probe("Sergei Petorv", "E01"),
          new Probe("Jonathon Whitfeld", "E11"),
          new Probe("Prakash Venkatraman", "E16"),
          new Probe("Oluwaseun Okonkow", "E17"),
          new Probe("Yusif Ibrahim Khalil", "E19"),
          new Probe("Hun Sokah", "E09"),
          new Probe("Khin Maung Winn", "E20"),
          // dropped middle names, honorifics, company forms
          new Probe("Maria Castillo Rojas", "E12"),
          new Probe("Mohammed Al Rashid", "E03"),
          new Probe("Dmitri Sokolov", "E13"),
          new Probe("U Khin Maung Win", "E20"),
          new Probe("Mr Aung Kyaw Min", "E08"),
          new Probe("Huang Zhiqiang Holdings", "E18"),
          new Probe("Golden Fortune Trading Sdn Bhd", "E10"),
          new Probe("Tran Huong", "E15"));

  /** Share a surname or a given name with a listed name; match nobody. */
  static final List<String> DISTRACTORS =
      List.of(
          "Ivan Petrov",
          "Olga Petrova",
          "Nikolai Volkov",
          "Abdullah Al Saud",
          "Mohammed Al Amin",
          "Wang Fei",
          "Wang Lei",
          "Li Na",
          "Li Wei",
          "Nguyen Thi Lan",
          "Somchai Suksawat",
          "Aung Naing Oo",
          "Hun Manet",
          "Golden Dragon Trading Co Ltd",
          "Jonathan Baker",
          "Edward Whitman",
          "Maria Gonzalez",
          "Dmitri Ivanov",
          "Chen Jie",
          "Tran Van Minh",
          "Prakash Kumar",
          "Adebayo Ogunleye",
          "Huang Li Trading Pte Ltd",
          "Yusuf Hassan",
          "Khin Thida",
          "Sergei Kuznetsov",
          "Alexander Popov",
          "Fortune Star Holdings Ltd",
          "Chen Wei",
          "Castillo Mendez",
          "John Smith",
          "Ahmed Khalil",
          "Minh Hua",
          "Thanh Nguyen Van Long",
          "Sokha Chan",
          "Weiming Zhao",
          "Maung Maung",
          "Petrov Vodkin",
          "Rashid Khan",
          "Volkova Irina");

  static ScreeningIndex index(double threshold) {
    ScreeningIndex index = new ScreeningIndex(threshold, 0.7, 10);
    for (Listed l : LISTED) {
      index.addName("TEST-LIST", l.id(), l.name(), "primary", "good", "v1");
      for (String alias : l.aliases()) {
        index.addName("TEST-LIST", l.id(), alias, "aka", "good", "v1");
      }
    }
    return index;
  }

  static List<String> allProbeNames() {
    List<String> out = new ArrayList<>();
    MATCHES.forEach(p -> out.add(p.name()));
    out.addAll(DISTRACTORS);
    return out;
  }
}
