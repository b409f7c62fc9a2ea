# The PDF of a deck: one page per slide, without the speaker notes.
#
# Loaded by the decks-pdf execution of slides/pom.xml. It extends Asciidoctor PDF's own
# converter in the documented way ("extended converter"): every section (a slide)
# starts on a new page, and a [.notes] block, which reveal.js shows only in the
# speaker view, is left out. A slide whose content does not fit on its page is
# reported as a warning, which fails the build.
require 'asciidoctor-pdf'

class SlidesPdfConverter < (Asciidoctor::Converter.for 'pdf')
  register_for 'pdf'

  def convert_section sect, opts = {}
    start_new_page unless at_page_top?
    first = page_number
    super
    # A slide that spills onto another page, even by a sliver of a code block's border,
    # is a warning, and warnings fail the build.
    if page_number > first
      logger.warn %(slide "#{sect.title.gsub(%r{<[^>]+>}, "")}" does not fit on one page of the PDF: make it shorter)
    end
  end

  # A program's output ([.output]) is set smaller than code, as in slides.css. The
  # size is changed in the theme of the scratch document too, where Asciidoctor PDF
  # measures a block before it draws it, so that its box fits what is drawn.
  def convert_listing node
    return super unless node.role? 'output'
    themes = [theme]
    themes << scratch.theme unless scratch?
    sizes = themes.map(&:code_font_size)
    themes.each {|each| each.code_font_size = sizes[0] * 0.8 }
    begin
      super
    ensure
      themes.zip(sizes).each {|each, size| each.code_font_size = size }
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
