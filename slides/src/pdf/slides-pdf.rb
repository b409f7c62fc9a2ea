# The PDF of a deck: one page per slide, without the speaker notes.
#
# Loaded by the decks-pdf execution of slides/pom.xml. It extends Asciidoctor PDF's own
# converter in the documented way ("extended converter"): every section (a slide)
# starts on a new page, and a [.notes] block, which reveal.js shows only in the
# speaker view, is left out. A slide whose content does not fit on its page spills
# onto a second one, which the decks' test (DecksTest) counts as a failure.
require 'asciidoctor-pdf'

class SlidesPdfConverter < (Asciidoctor::Converter.for 'pdf')
  register_for 'pdf'

  def convert_section sect, opts = {}
    start_new_page unless at_page_top?
    super
  end

  # A program's output ([.output]) is set smaller than code, as in slides.css.
  def convert_listing node
    return super unless node.role? 'output'
    save_theme do
      theme.code_font_size = theme.code_font_size * 0.8
      super
    end
  end

  def convert_open node
    return if node.role? 'notes'
    super
  end

  def convert_sidebar node
    return if node.role? 'notes'
    super
  end
end
